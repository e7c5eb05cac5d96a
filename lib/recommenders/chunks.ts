import { type OffsetIndex, splitParagraphs } from '@/lib/offsets';

/**
 * Long documents go to a model in pieces cut on paragraph boundaries; each piece repeats the
 * end of the one before (whole paragraphs, up to `overlap` code points) so a mention cut by
 * a boundary is whole in one of them. Offsets found in a piece are mapped back by its start
 * (code points); the caller drops the duplicates the overlap produces. A single paragraph
 * longer than `size` is a piece of its own: cutting inside it could cut a quote.
 */
export interface Chunk {
  /** Code-point offset of the piece in the document. */
  start: number;
  text: string;
}

export function chunkDocument(index: OffsetIndex, size: number, overlap: number): Chunk[] {
  if (index.length <= size) return [{ start: 0, text: index.text }];
  const paragraphs = splitParagraphs(index);
  if (paragraphs.length === 0) return [{ start: 0, text: index.text }];
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < paragraphs.length) {
    let last = first;
    while (last + 1 < paragraphs.length && paragraphs[last + 1]!.end - paragraphs[first]!.start <= size) last++;
    const start = paragraphs[first]!.start;
    chunks.push({ start, text: index.slice(start, paragraphs[last]!.end) });
    if (last + 1 >= paragraphs.length) break;
    // The next piece starts with as many of this piece's last paragraphs as fit in `overlap`, and always moves forward.
    let next = last + 1;
    while (next - 1 > first && paragraphs[last]!.end - paragraphs[next - 1]!.start <= overlap) next--;
    first = next;
  }
  return chunks;
}
