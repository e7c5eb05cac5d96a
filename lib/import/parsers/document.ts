import { OffsetIndex } from '@/lib/offsets';
import { ImportError, type ImportedDocument, type SourceLocation } from '../types';

/**
 * What every parser does with a document once it has its text: reject empty texts, check each
 * span against the text (code point offsets, end-exclusive) and its stated quote, and check that
 * relations and stance targets point at spans of the same document. The parser runs these
 * checks, not the service, because only the parser knows the line a span came from.
 */

export function newDocument(name: string, text: string, location: SourceLocation, metadata: Record<string, unknown> = {}): ImportedDocument {
  if (text.trim() === '') throw new ImportError(location, `document "${name}" has no text`);
  return { name, text, metadata, spans: [], relations: [], documentLabels: [], location };
}

export function describeSpan(start: number, end: number, label: string): string {
  return `span [${start},${end}) label ${JSON.stringify(label)}`;
}

/** A document's text indexed once, for checking many spans against it. */
export class SpanChecker {
  private readonly index: OffsetIndex;

  constructor(text: string) {
    this.index = new OffsetIndex(text);
  }

  /** Whether the text has characters outside the BMP, the only ones where UTF-16 and code point offsets differ. */
  get hasAstral(): boolean {
    return this.index.length !== this.index.text.length;
  }

  /** Whether [start, end) is a non-empty code point range of the text whose content is `quote` (when given). */
  fits(start: number, end: number, quote: string | undefined): boolean {
    return (
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      start < end &&
      end <= this.index.length &&
      (quote === undefined || this.index.slice(start, end) === quote)
    );
  }

  /** Throws the precise reason [start, end) does not fit, after `where` when given; returns the covered text. */
  check(start: number, end: number, label: string, quote: string | undefined, location: SourceLocation, where?: string): string {
    const span = `${where ? `${where}: ` : ''}${describeSpan(start, end, label)}`;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > this.index.length) {
      throw new ImportError(location, `${span} is not a non-empty range inside the text (${this.index.length} code points)`);
    }
    const covered = this.index.slice(start, end);
    if (quote !== undefined && quote !== covered) {
      throw new ImportError(location, `${span}: quote ${JSON.stringify(quote)} does not match the text ${JSON.stringify(covered)}`);
    }
    return covered;
  }

  /** A UTF-16 offset as a code point offset; undefined outside the text or inside a surrogate pair. */
  fromUtf16(offset: number): number | undefined {
    try {
      return this.index.toCodePoint(offset);
    } catch {
      return undefined;
    }
  }
}

/** Span ids must be unique, and relations and stance targets must name spans of the document. */
export function checkReferences(doc: ImportedDocument): void {
  const refs = new Set<string>();
  for (const span of doc.spans) {
    if (span.ref === undefined) continue;
    if (refs.has(span.ref)) throw new ImportError(span.location, `span id ${JSON.stringify(span.ref)} is used twice in document "${doc.name}"`);
    refs.add(span.ref);
  }
  const missing = (ref: string) => `${JSON.stringify(ref)} is not a span id of document "${doc.name}"`;
  for (const span of doc.spans) {
    if (typeof span.target === 'object' && !refs.has(span.target.span)) {
      throw new ImportError(span.location, `${describeSpan(span.start, span.end, span.label)}: stance target ${missing(span.target.span)}`);
    }
  }
  for (const relation of doc.relations) {
    for (const end of [relation.source, relation.target]) {
      if (!refs.has(end)) throw new ImportError(relation.location, `relation ${JSON.stringify(relation.label)}: ${missing(end)}`);
    }
  }
}
