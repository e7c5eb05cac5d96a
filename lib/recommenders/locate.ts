import type { OffsetIndex } from '@/lib/offsets';

/**
 * Where a model's quote is in the text — Glossa never takes offsets from a model. With an
 * occurrence number, the nth occurrence (1-based) or nothing; without one, every occurrence
 * or only the first, as the recommender is configured. Answers code-point ranges.
 */
export function locateQuote(
  index: OffsetIndex,
  quote: string,
  occurrence: number | null,
  allOccurrences: boolean,
): { start: number; end: number }[] | 'quote not in the text' | 'occurrence not in the text' {
  const text = index.text;
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + quote.length)) {
    found.push(at);
    if (occurrence !== null ? found.length === occurrence : !allOccurrences) break;
  }
  if (found.length === 0) return 'quote not in the text';
  if (occurrence !== null && found.length < occurrence) return 'occurrence not in the text';
  const chosen = occurrence !== null ? [found[occurrence - 1]!] : found;
  return chosen.map((at) => ({ start: index.toCodePoint(at), end: index.toCodePoint(at + quote.length) }));
}
