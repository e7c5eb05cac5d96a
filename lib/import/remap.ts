import { codePointLength, normalizeText, OffsetIndex } from '@/lib/offsets';

/**
 * Sources state offsets into the text as they had it; Glossa stores the text
 * normalised (NFC, `\n`). This maps offsets across that normalisation. The common
 * case, text already normalised, is the identity; otherwise each offset becomes the
 * length of the normalised prefix, which is exact wherever the cut is not inside a
 * sequence that normalisation merges (the caller re-checks every quote to catch that).
 */
interface OffsetRemapper {
  text: string;
  index: OffsetIndex;
  map(offset: number): number;
}

export function remapperFor(original: string): OffsetRemapper {
  const text = normalizeText(original);
  const index = new OffsetIndex(text);
  if (text === original) return { text, index, map: (offset) => offset };
  const source = new OffsetIndex(original);
  const cache = new Map<number, number>();
  return {
    text,
    index,
    map(offset) {
      if (offset < 0 || offset > source.length) return -1;
      let mapped = cache.get(offset);
      if (mapped === undefined) {
        mapped = codePointLength(normalizeText(source.slice(0, offset)));
        cache.set(offset, mapped);
      }
      return mapped;
    },
  };
}
