import type { ExportDocument } from '@/lib/formats/model';

/**
 * The invariants every exported document must keep (docs/ARCHITECTURE.md §2): each quote
 * equals the text at its code point offsets, and stance targets and relations point at spans
 * in the export. Rows that break them are a bug in the data, so the export stops instead of
 * writing them.
 *
 * The rows come from the database, so texts are not re-checked for NFC (imports normalise them
 * once, and they never change), and offsets are converted to UTF-16 indexes from where the text's
 * surrogate pairs are (found by a regular expression, natively), instead of splitting every text
 * into code points, which would dominate the cost of a large export.
 */
export function assertExportable(doc: ExportDocument): void {
  const fail = (problem: string): never => {
    throw new Error(`Document ${doc.id} cannot be exported: ${problem}. The stored annotations break Glossa's invariants; please report this.`);
  };
  if (doc.spans.length === 0 && doc.relations.length === 0) return;
  const { text } = doc;
  const pairs = surrogatePairs(text);
  const points = text.length - pairs.length;
  // Code point p is at UTF-16 index p + (surrogate pairs before it); spans come sorted by start, so
  // the count before each start only moves forward (one that does not starts the count over).
  let before = 0;
  let previous = 0;
  for (const span of doc.spans) {
    if (!(Number.isInteger(span.start) && span.start >= 0 && span.start < span.end && Number.isInteger(span.end) && span.end <= points)) {
      fail(`span ${span.id} has offsets ${span.start}-${span.end} outside the text (${points} code points)`);
    }
    if (span.start < previous) before = 0;
    previous = span.start;
    while (before < pairs.length && pairs[before]! - before < span.start) before++;
    let within = before;
    while (within < pairs.length && pairs[within]! - within < span.end) within++;
    const from = span.start + before;
    if (span.end + within - from !== span.quote.length || text.slice(from, from + span.quote.length) !== span.quote) {
      fail(`span ${span.id} has a quote that differs from the text at ${span.start}-${span.end}`);
    }
  }
  const linked = doc.relations.length > 0 || doc.spans.some((span) => span.target?.kind === 'span');
  if (!linked) return;
  const spanIds = new Set(doc.spans.map((span) => span.id));
  for (const span of doc.spans) {
    if (span.target?.kind === 'span' && !spanIds.has(span.target.spanId))
      fail(`stance span ${span.id} targets span ${span.target.spanId}, which is not in the export`);
  }
  for (const relation of doc.relations) {
    for (const end of [relation.source, relation.target]) if (!spanIds.has(end)) fail(`relation ${relation.id} links span ${end}, which is not in the export`);
  }
}

// Reused from document to document: an export checks one at a time.
const pairIndexes: number[] = [];
const PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** The UTF-16 index of every surrogate pair in the text (what makes code points and UTF-16 indexes differ). */
function surrogatePairs(text: string): number[] {
  pairIndexes.length = 0;
  PAIR.lastIndex = 0;
  for (let match = PAIR.exec(text); match; match = PAIR.exec(text)) pairIndexes.push(match.index);
  return pairIndexes;
}
