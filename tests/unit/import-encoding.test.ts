import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/import/parsers';
import { decodedSource } from '@/lib/import/parsers/encoding';
import type { ImportEncoding } from '@/lib/import/types';
import { collect, failure, sourceOf } from '../fixtures/import/source';
import { bytes } from '../support/bytes';

/** Encodings other than UTF-8 and tab-separated files (issue #16 items 8 and 9). */

async function decode(content: Uint8Array, stated?: ImportEncoding, chunkSize = 1) {
  const decoded = decodedSource(sourceOf('f.csv', content, chunkSize), stated);
  const chunks: Uint8Array[] = [];
  for await (const chunk of decoded.source.stream()) chunks.push(chunk);
  return { text: Buffer.concat(chunks).toString('utf-8'), encoding: decoded.encoding() };
}

describe('decodedSource', () => {
  it('passes UTF-8 through, with or without a BOM, and names it', async () => {
    expect(await decode(bytes('Café'))).toEqual({ text: 'Café', encoding: 'utf-8' });
    expect(await decode(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('ok')]))).toEqual({ text: '\uFEFFok', encoding: 'utf-8 (with BOM)' });
  });

  it('recognises UTF-16 by its byte order mark, whichever endianness, even one byte per chunk', async () => {
    const text = 'Peshawar 😀 پشاور';
    expect(await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({ text, encoding: 'utf-16 (utf-16le BOM)' });
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(await decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16')).toEqual({ text, encoding: 'utf-16 (utf-16be BOM)' });
  });

  it('reads Windows-1252 and latin-1 when told, including the bytes 0x80-0x9F', async () => {
    const file = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94]);
    expect(await decode(file, 'windows-1252')).toEqual({ text: 'Café €5 “q”', encoding: 'windows-1252' });
    expect(await decode(file, 'latin-1')).toEqual({ text: 'Café €5 “q”', encoding: 'latin-1' });
  });

  it('refuses utf-16 without a BOM, a BOM contradicting the stated encoding, and broken UTF-16', async () => {
    await expect(decode(Buffer.from('ab', 'utf16le'), 'utf-16')).rejects.toThrow(
      'f.csv: encoding utf-16: the file does not begin with a UTF-16 byte order mark (FF FE or FE FF)',
    );
    await expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')]), 'windows-1252')).rejects.toThrow(
      'f.csv: encoding windows-1252 was given, but the file begins with a UTF-16LE byte order mark; leave out the encoding option',
    );
    await expect(decode(Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x62]))).rejects.toThrow(
      'f.csv: the file is not valid utf-16 (utf-16le BOM) (an odd number of bytes or a lone surrogate)',
    );
  });
});

describe('tab-separated files', () => {
  it('read tabs as separators and quotes as text', async () => {
    const file = 'ID\tTweet\n1\tHe said "no" to the "deal\n2\tsecond\n';
    const docs = await collect(parseSource(sourceOf('s.tsv', file), 'csv', { textColumn: 'Tweet', nameColumn: 'ID' }));
    expect(docs.map((doc) => [doc.name, doc.text, doc.variant])).toEqual([
      ['1', 'He said "no" to the "deal', 'tab-separated values'],
      ['2', 'second', 'tab-separated values'],
    ]);
  });
});

describe('a CSV column answering a document question', () => {
  const file = 'Tweet,Target,Stance,lang\nTalks resume,TTP,against,en\nNo comment,TTP,,en\n';
  const options = { textColumn: 'Tweet', questionColumn: 'Stance', question: 'OVERALL_STANCE', targetColumn: 'Target' };

  it('gives each row its answer per target, keeps the other columns, and counts blank answers', async () => {
    const docs = await collect(parseSource(sourceOf('s.csv', file), 'csv', options));
    expect(docs.map((doc) => doc.documentLabels.map(({ question, target, values }) => ({ question, target, values })))).toEqual([
      [{ question: 'OVERALL_STANCE', target: 'TTP', values: ['against'] }],
      [],
    ]);
    expect(docs.map((doc) => [doc.metadata, doc.skipped])).toEqual([
      [{ lang: 'en' }, undefined],
      [{ lang: 'en' }, { 'blank Stance cells': 1 }],
    ]);
  });

  it('names a missing column, and refuses an answer without its target', async () => {
    expect((await failure(parseSource(sourceOf('s.csv', file), 'csv', { ...options, questionColumn: 'Label' }))).message).toBe(
      's.csv:1: there is no question column "Label"; the columns are "Tweet", "Target", "Stance", "lang"',
    );
    const noTarget = 'Tweet,Target,Stance\nTalks resume,,FAVOR\n';
    expect((await failure(parseSource(sourceOf('s.csv', noTarget), 'csv', options))).message).toBe(
      's.csv:2: column "Target" is blank, so the answer "FAVOR" has no stance target',
    );
  });
});

describe('the import query options', () => {
  it('take the encoding, offset unit and question columns, and refuse a question column without its question', async () => {
    const { importQuery } = await import('@/lib/import/query');
    const { parseOptionsOf } = await import('@/lib/import/request');
    const query = importQuery.parse({
      encoding: 'windows-1252',
      offsetUnit: 'utf-16',
      textColumn: 'Tweet',
      questionColumn: 'Stance',
      question: 'OVERALL_STANCE',
      targetColumn: 'Target',
    });
    expect(parseOptionsOf(query)).toEqual({
      textColumn: 'Tweet',
      nameColumn: undefined,
      questionColumn: 'Stance',
      question: 'OVERALL_STANCE',
      targetColumn: 'Target',
      encoding: 'windows-1252',
      offsetUnit: 'utf-16',
    });
    const alone = importQuery.safeParse({ questionColumn: 'Stance' });
    expect(alone.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['question', 'questionColumn and question go together: the column and the document question it answers'],
    ]);
    expect(importQuery.safeParse({ encoding: 'ebcdic' }).success).toBe(false);
  });
});
