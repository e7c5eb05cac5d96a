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

export function codePointLength(text: string): number {
  let length = 0;
  for (let unit = 0; unit < text.length; unit++) {
    const code = text.charCodeAt(unit);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(unit + 1);
      if (next >= 0xdc00 && next <= 0xdfff) unit++;
    }
    length++;
  }
  return length;
}

/** Rejects keys that would split a whitespace-separated field (CoNLL tags, brat type names). */
export function assertNoWhitespace(what: string, value: string): string {
  if (value === '' || /\s/u.test(value)) throw new Error(`${what} ${JSON.stringify(value)} is empty or contains whitespace, which this format cannot carry`);
  return value;
}
