import type { ExportFormat } from '@/lib/export/options';

/**
 * How many documents a download has received so far, counted in the bytes themselves where the
 * format marks each document with a byte sequence that cannot occur otherwise:
 *   jsonl   one line per document (JSON escapes line breaks inside strings);
 *   conll   one `-DOCSTART- -X- -X- O` line per document (tokens hold no spaces);
 *   conllu  one `# newdoc id = ` line per document (`# text` lines hold no line breaks);
 *   brat    two zip entries per document, each opening with a local file header `PK\x03\x04`
 *           (the two entries written after the documents, and the rare chance that compressed
 *           bytes spell the signature, can only overshoot, and the count is capped at the total).
 * W3C, stance CSV and Hugging Face output has no such mark, so their progress is the bytes
 * received, without a percentage: anything else would be a guess.
 */

const MARKS: Partial<Record<ExportFormat, { mark: string; perDocument: number }>> = {
  jsonl: { mark: '\n', perDocument: 1 },
  conll: { mark: '-DOCSTART- -X- -X- O\n', perDocument: 1 },
  conllu: { mark: '# newdoc id = ', perDocument: 1 },
  brat: { mark: 'PK\u0003\u0004', perDocument: 2 },
};

type DocumentCounter = (chunk: Uint8Array) => number;

/** A counter fed every chunk in order, answering the documents seen so far; null for formats without a mark. */
export function documentCounter(format: ExportFormat): DocumentCounter | null {
  const spec = MARKS[format];
  if (!spec) return null;
  const mark = Uint8Array.from(spec.mark, (character) => character.charCodeAt(0));
  let matched = 0;
  let marks = 0;
  return (chunk) => {
    // A mark may straddle two chunks: `matched` carries how much of it the last chunk ended with.
    // The marks have no proper prefix that is also a suffix, so a mismatch restarts from zero.
    for (const byte of chunk) {
      if (byte === mark[matched]) matched++;
      else matched = byte === mark[0] ? 1 : 0;
      if (matched === mark.length) {
        marks++;
        matched = 0;
      }
    }
    return Math.floor(marks / spec.perDocument);
  };
}
