import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { HttpError, payloadTooLarge } from '@/lib/http/errors';

/**
 * The string-match gazetteer upload: CSV `text,label` (an optional header row of exactly
 * those names), parsed as it arrives. Every limit is checked on the stream, so an upload past
 * one is cut off there: bytes (413), entries, one entry's length, one record's size (422
 * naming the line). Labels must be span labels of the project (422 naming the line), so
 * nothing unusable is stored; the whole upload replaces the previous gazetteer or nothing does.
 */
export const GAZETTEER_LIMITS = { bytes: 8 * 1024 * 1024, entries: 100_000, textChars: 300, recordBytes: 4096 };

export interface GazetteerEntry {
  text: string;
  label: string;
}

function rejected(line: number, message: string): HttpError {
  return new HttpError(422, 'gazetteer_rejected', `Line ${line}: ${message}. Nothing was changed.`, [{ line, message }]);
}

export async function readGazetteer(
  body: ReadableStream<Uint8Array> | null,
  labelKeys: ReadonlySet<string>,
  limits = GAZETTEER_LIMITS,
): Promise<{ entries: GazetteerEntry[]; duplicates: number }> {
  if (!body) return { entries: [], duplicates: 0 };
  let bytes = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const source = Readable.from(
    (async function* () {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (bytes > limits.bytes) throw payloadTooLarge(`The gazetteer exceeds ${limits.bytes / 1024 / 1024} MB.`);
        yield decoder.decode(chunk, { stream: true });
      }
      yield decoder.decode();
    })(),
  );
  const parser = source.pipe(
    parse({ info: true, skip_empty_lines: true, trim: true, relax_column_count: true, max_record_size: limits.recordBytes, bom: true }),
  );
  // pipe() does not pass errors on: the parser ends with the source's error instead.
  source.on('error', (error) => parser.destroy(error));
  const entries: GazetteerEntry[] = [];
  const seen = new Set<string>();
  // Repeated rows are kept once and counted, so the answer says how many.
  let duplicates = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (entries.length === 0 && line === 1 && record.length === 2 && record[0]!.toLowerCase() === 'text' && record[1]!.toLowerCase() === 'label') continue;
      if (record.length !== 2) throw rejected(line, `expected 2 fields (text,label), found ${record.length}`);
      const [text, label] = record as [string, string];
      if (text === '') throw rejected(line, 'the text is empty');
      if (Array.from(text).length > limits.textChars) throw rejected(line, `the text is longer than ${limits.textChars} characters`);
      if (!labelKeys.has(label)) throw rejected(line, `${label || '(empty)'} is not an active span label of this project`);
      const key = `${text}\u0000${label}`;
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      if (entries.length >= limits.entries) throw rejected(line, `more than ${limits.entries} entries`);
      entries.push({ text, label });
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (error instanceof CsvError) throw rejected(typeof error.lines === 'number' ? error.lines : 0, `not valid CSV: ${error.message}`);
    if (error instanceof TypeError && /encoded data was not valid/i.test(error.message))
      throw new HttpError(400, 'bad_request', 'The gazetteer is not valid UTF-8.');
    throw error;
  }
  return { entries, duplicates };
}
