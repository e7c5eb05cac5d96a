const MAX_SHOWN = 60;
// Characters that are invisible or ambiguous when printed: controls, format characters
// (ZWJ, ZWNJ, bidi marks), separators, unpaired surrogates, and any whitespace but a plain space.
const HARD_TO_SEE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?! )\p{White_Space}/gu;

function escape(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `\\u{${hex}}`;
}

/** Quotes text for an error message so that two different strings never print identically. */
export function showText(s: string): string {
  const chars = Array.from(s);
  const shown = chars.slice(0, MAX_SHOWN).join('').replace(HARD_TO_SEE, escape);
  return chars.length > MAX_SHOWN ? `'${shown}…' (${chars.length} code points)` : `'${shown}'`;
}

/** Index, in code points, of the first position where `a` and `b` differ. */
export function firstDifference(a: string, b: string): number {
  const as = Array.from(a);
  const bs = Array.from(b);
  let i = 0;
  while (i < as.length && i < bs.length && as[i] === bs[i]) i++;
  return i;
}
