import { AgreementInputError } from './errors';
import { assertLabel, assertOffsets, validLabel, validOffsets } from './validate';

/** An annotated character span: end-exclusive offsets and its label. */
export interface Span {
  start: number;
  end: number;
  label: string;
}

/** A token's end-exclusive character offsets. */
export interface TokenOffsets {
  start: number;
  end: number;
}

export function assertSpans(spans: readonly Span[], what: string): void {
  if (!Array.isArray(spans)) throw new AgreementInputError(`The ${what} must be an array of spans.`);
  spans.forEach((s, i) => {
    // The message is only built for a bad span: reports check hundreds of thousands of good ones.
    if (validOffsets(s.start, s.end) && validLabel(s.label)) return;
    assertOffsets(s.start, s.end, `span ${i} of the ${what}`);
    assertLabel(s.label, `span ${i} of the ${what}`);
  });
}
