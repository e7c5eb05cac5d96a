import { OffsetIndex } from './codepoints';
import { firstDifference, showText } from './display';

export interface SpanInput {
  readonly start: number;
  readonly end: number;
  /** The text the span claims to cover; when given it must equal the text at [start, end). */
  readonly quote?: string;
}

export type SpanProblem = 'out-of-range' | 'reversed' | 'empty' | 'quote-mismatch';

export type SpanCheck = { readonly ok: true; readonly quote: string } | { readonly ok: false; readonly reason: SpanProblem; readonly message: string };

function fail(reason: SpanProblem, message: string): SpanCheck {
  return { ok: false, reason, message };
}

/**
 * Checks a span against the text and returns its quote.
 *
 * Spans that split a grapheme cluster (a letter without its combining mark, half of a ZWJ
 * emoji sequence) are accepted: offsets are code points by contract, imported brat/spaCy data
 * contains such spans, and rejecting them here would make valid stored data unloadable.
 * Interactive selections should go through `snapToGraphemes` or `snapToWords` instead.
 */
export function validateSpan(source: string | OffsetIndex, span: SpanInput): SpanCheck {
  const index = OffsetIndex.from(source);
  const { start, end, quote } = span;
  const at = `[${start},${end})`;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return fail('out-of-range', `span ${at} has non-integer offsets`);
  }
  const outside = (offset: number) => offset < 0 || offset > index.length;
  if (outside(start) || outside(end)) {
    return fail('out-of-range', `span ${at} is outside the text of ${index.length} code points`);
  }
  if (start > end) return fail('reversed', `span ${at} ends before it starts`);
  if (start === end) return fail('empty', `span ${at} is empty`);

  const actual = index.slice(start, end);
  if (quote === undefined || quote === actual) return { ok: true, quote: actual };
  const hint = quote.normalize('NFC') === actual ? 'the quote is not NFC-normalised' : `first difference at offset ${start + firstDifference(quote, actual)}`;
  return fail('quote-mismatch', `quote ${showText(quote)} does not match text ${showText(actual)} at ${at}; ${hint}`);
}
