/**
 * Code point helpers local to the export formats. Every offset in an export is a Unicode code
 * point offset (Python `str`, brat, W3C TextPositionSelector); JavaScript strings index UTF-16
 * units, so a document's text is split into code points once and sliced from that array.
 */

export function codePoints(text: string): string[] {
  return Array.from(text);
}

export function sliceCodePoints(points: readonly string[], start: number, end: number): string {
  return points.slice(start, end).join('');
}

/** Rejects keys that would split a whitespace-separated field (CoNLL tags, brat type names). */
export function assertNoWhitespace(what: string, value: string): string {
  if (value === '' || /\s/u.test(value)) throw new Error(`${what} ${JSON.stringify(value)} is empty or contains whitespace, which this format cannot carry`);
  return value;
}
