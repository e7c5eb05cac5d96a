import type { ExportDocument } from '@/lib/formats/model';

/**
 * The invariants every exported document must keep (DESIGN.md §1): each quote equals the text
 * at its code point offsets, and stance targets and relations point at spans in the export.
 * Rows that break them are a bug in the data, so the export stops instead of writing them.
 *
 * This is documentProblems (lib/formats/model) specialised for rows the database already holds:
 * texts are not re-checked for NFC (imports normalise them once, and they never change), and
 * quotes are compared through one code point → UTF-16 index per text instead of splitting
 * every text into code points, which would dominate the cost of a large export.
 */
export function assertExportable(doc: ExportDocument): void {
  const fail = (problem: string): never => {
    throw new Error(`Document ${doc.id} cannot be exported: ${problem}. The stored annotations break Glossa's invariants; please report this.`);
  };
  if (doc.spans.length === 0 && doc.relations.length === 0) return;
  const { offsets, points } = utf16Offsets(doc.text);
  for (const span of doc.spans) {
    if (!(Number.isInteger(span.start) && span.start >= 0 && span.start < span.end && Number.isInteger(span.end) && span.end <= points)) {
      fail(`span ${span.id} has offsets ${span.start}-${span.end} outside the text (${points} code points)`);
    }
    const from = offsets[span.start]!;
    // startsWith with a length check compares in place, without slicing the text.
    if (offsets[span.end]! - from !== span.quote.length || !doc.text.startsWith(span.quote, from)) {
      fail(`span ${span.id} has a quote that differs from the text at ${span.start}-${span.end}`);
    }
  }
  const linked = doc.relations.length > 0 || doc.spans.some((span) => span.target?.kind === 'span');
  if (!linked) return;
  const spanIds = new Set(doc.spans.map((span) => span.id));
  for (const span of doc.spans) {
    if (span.target?.kind === 'span' && !spanIds.has(span.target.spanId)) fail(`stance span ${span.id} targets span ${span.target.spanId}, which is not in the export`);
  }
  for (const relation of doc.relations) {
    for (const end of [relation.source, relation.target]) if (!spanIds.has(end)) fail(`relation ${relation.id} links span ${end}, which is not in the export`);
  }
}

/**
 * offsets[i] = the UTF-16 index of code point i; offsets[points] is the text's length. Texts of
 * usual length share one array: allocating one per document cost more than filling it.
 */
const shared = new Uint32Array(64 * 1024);

function utf16Offsets(text: string): { offsets: Uint32Array; points: number } {
  const offsets = text.length < shared.length ? shared : new Uint32Array(text.length + 1);
  let points = 0;
  for (let unit = 0; unit < text.length; unit++) {
    offsets[points++] = unit;
    const code = text.charCodeAt(unit);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(unit + 1);
      if (next >= 0xdc00 && next <= 0xdfff) unit++;
    }
  }
  offsets[points] = text.length;
  return { offsets, points };
}
