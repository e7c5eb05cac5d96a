const LEADING_BOMS = /^\uFEFF+/;
// Without the `u` flag the regex sees UTF-16 code units, which is what finding unpaired halves needs.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?/g;

/**
 * Canonical form of a document's text; every stored offset refers to this form, so it must be
 * applied exactly once, before any offset is computed (NFC can change the number of code points:
 * "e\u0301" shrinks to "é", while composition exclusions such as U+0958 grow to two).
 *
 * All leading BOMs go, not just one, so that the function is idempotent.
 * Unpaired surrogates become U+FFFD because they cannot be encoded in UTF-8: PostgreSQL and
 * Python consumers would otherwise see a different text, and different code point offsets.
 */
export function normalizeText(input: string): string {
  return input.replace(LEADING_BOMS, '').replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAK, '\n').normalize('NFC');
}
