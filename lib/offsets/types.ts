/** A half-open range [start, end) of Unicode code point offsets into a document's text. */
export interface CodePointRange {
  readonly start: number;
  readonly end: number;
}
