import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentCounter } from '@/components/export/progress';
import { conllDocument } from '@/lib/formats/conll';
import { jsonlDocument } from '@/lib/formats/jsonl';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';

/** Feeds `bytes` to a fresh counter in chunks of `size`, returning the count after each. */
function countInChunks(format: 'jsonl' | 'conll' | 'brat', bytes: Uint8Array, size: number): number[] {
  const count = documentCounter(format)!;
  const counts: number[] = [];
  for (let at = 0; at < bytes.length; at += size) counts.push(count(bytes.subarray(at, at + size)));
  return counts;
}

describe('download progress', () => {
  const documents = [...SAMPLE_DOCUMENTS, ...SAMPLE_DOCUMENTS, ...SAMPLE_DOCUMENTS];

  it.each([1, 2, 7, 64, 100_000])('counts JSONL lines and CoNLL documents whatever the chunking (%i bytes)', (size) => {
    const jsonl = strToU8(documents.map(jsonlDocument).join(''));
    const conll = strToU8(documents.map((doc) => conllDocument(doc).text).join(''));
    for (const [format, bytes] of [
      ['jsonl', jsonl],
      ['conll', conll],
    ] as const) {
      const counts = countInChunks(format, bytes, size);
      expect(counts.at(-1)).toBe(documents.length);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
  });

  it('counts brat documents as pairs of zip entries', () => {
    const files = Object.fromEntries(
      documents.flatMap((doc, index) => [
        [`d${index}.txt`, strToU8(doc.text)],
        [`d${index}.ann`, strToU8('')],
      ]),
    );
    expect(countInChunks('brat', zipSync(files), 5).at(-1)).toBe(documents.length);
  });

  it('offers no count where the bytes mark no documents', () => {
    expect(documentCounter('w3c')).toBeNull();
    expect(documentCounter('stance-csv')).toBeNull();
    expect(documentCounter('hf')).toBeNull();
  });
});
