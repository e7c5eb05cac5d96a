// JSON.stringify leaves U+0085, U+2028 and U+2029 raw; Python's str.splitlines() and some JSON
// Lines readers break lines there, so they are escaped. They only occur inside JSON strings, where
// the escape decodes to the same character.
const LINE_SEPARATORS = /[\u0085\u2028\u2029]/g;

/** JSON.stringify with the line separators escaped: a value as part of a JSON Lines record. */
export function jsonPart(value: unknown): string {
  return JSON.stringify(value).replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One JSON Lines record, newline included. */
export function jsonLine(value: unknown): string {
  return `${jsonPart(value)}\n`;
}
