// The Unicode White_Space property rather than JS `\s`: `\s` counts U+FEFF (a zero-width
// no-break space, not a blank) and misses U+0085 NEL, and other tools in the pipeline
// (Python, ICU) follow the Unicode property.
const BLANK = /^\p{White_Space}*$/u;

/** True when `s` is empty or consists only of whitespace. */
export function isBlank(s: string): boolean {
  return BLANK.test(s);
}
