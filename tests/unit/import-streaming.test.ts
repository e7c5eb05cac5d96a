import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/import/parsers';
import type { ImportFormat, ImportSource } from '@/lib/import/types';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

/** A large upload generated as it is read (never held whole), in ~64 KB chunks; counts the bytes each read hands out. */
function generated(name: string, header: string, line: (index: number) => string, totalBytes: number) {
  const state = { produced: 0 };
  const source: ImportSource = {
    name,
    async *stream() {
      state.produced = 0;
      let index = 0;
      let pending = header;
      while (state.produced < totalBytes) {
        while (pending.length < 64 * 1024) pending += line(index++);
        const chunk = Buffer.from(pending, 'utf-8');
        state.produced += chunk.length;
        pending = '';
        yield chunk;
      }
    },
  };
  return { source, state };
}

async function heapGrowthWhileParsing(source: ImportSource, format: ImportFormat) {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  let documents = 0;
  for await (const doc of parseSource(source, format)) {
    documents++;
    if (doc.text.length === 0) throw new Error('empty document');
    if (documents % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { documents, growth: peak - before };
}

const SENTENCE = 'پاکستان کے وزیر اعظم 🙂 visited Bannu at noon, and the crowd cheered loudly. ';

describe('streaming', () => {
  it('parses a 20 MB JSONL file with flat memory, yielding documents before the file is read', async () => {
    const line = (index: number) => `${JSON.stringify({ text: `${index}: ${SENTENCE.repeat(8)}`, name: `doc-${index}`, batch: index % 7 })}\n`;
    const { source, state } = generated('big.jsonl', '', line, 20 * MB);

    const iterator = parseSource(source, 'jsonl')[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value?.name).toBe('doc-0');
    expect(state.produced).toBeLessThan(MB);
    await iterator.return?.();

    const { documents, growth } = await heapGrowthWhileParsing(source, 'jsonl');
    expect(documents).toBeGreaterThan(10_000);
    expect(state.produced).toBeGreaterThanOrEqual(20 * MB);
    expect(growth).toBeLessThan(60 * MB);
  }, 60_000);

  it('parses a 10 MB CSV file with flat memory', async () => {
    const line = (index: number) => `doc-${index},"${`${index}: ${SENTENCE.repeat(8)}`.replace(/"/g, '""')}",${index % 7}\r\n`;
    const { source, state } = generated('big.csv', 'name,text,batch\r\n', line, 10 * MB);
    const { documents, growth } = await heapGrowthWhileParsing(source, 'csv');
    expect(documents).toBeGreaterThan(5_000);
    expect(state.produced).toBeGreaterThanOrEqual(10 * MB);
    expect(growth).toBeLessThan(60 * MB);
  }, 60_000);
});
