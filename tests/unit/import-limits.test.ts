import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { limitedBody } from '@/lib/import/body';
import { guardDocument } from '@/lib/import/guard';
import { importLimits } from '@/lib/import/limits';
import { boundaryOf, readMultipart } from '@/lib/import/multipart';
import { parseSource } from '@/lib/import/parsers';
import { Spool, spooledSource } from '@/lib/import/spool';
import { ImportError, type ImportedDocument } from '@/lib/import/types';
import { HttpError } from '@/lib/http/errors';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { bratZipBomb, docx, docxBomb, manyPagePdf, wideCsv } from '../fixtures/import/documents';
import { collect, failure, sourceOf } from '../fixtures/import/source';

const MB = 1024 * 1024;

/** A file that never ends, chunks of `chunkBytes` letters "a"; `sent` counts the bytes handed out, to see where the parse stopped. */
function endlessSource(name: string, chunkBytes: number) {
  const source = {
    name,
    sent: 0,
    async *stream() {
      for (;;) {
        source.sent += chunkBytes;
        yield new Uint8Array(chunkBytes).fill(0x61);
      }
    },
  };
  return source;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// Each case starts a parser worker and inflates tens of megabytes: 5 s is not enough on a loaded 2-core machine.
describe('archive limits (zip and docx, inflated in the parser worker)', { timeout: 30_000 }, () => {
  it('refuses a brat zip entry that inflates past the entry limit, from its declared size', async () => {
    const error = await failure(parseSource(sourceOf('corpus.zip', bratZipBomb(33 * MB), 64 * 1024), 'brat'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('corpus.zip: bomb.txt inflates to 34603008 bytes, over the limit of 32 MB (GLOSSA_MAX_INFLATED_ENTRY_MB)');
  });

  it('refuses an entry that inflates more than the ratio allows, and archives past the total', async () => {
    expect((await failure(parseSource(sourceOf('c.zip', bratZipBomb(2 * MB)), 'brat'))).message).toMatch(
      /^c\.zip: bomb\.txt inflates \d+ times, over the limit of 200 \(GLOSSA_MAX_INFLATE_RATIO\)$/,
    );
    vi.stubEnv('GLOSSA_MAX_INFLATED_TOTAL_MB', '1');
    const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 251);
    const archive = zipSync({ 'a.txt': random(600_000), 'b.txt': random(600_000) });
    expect((await failure(parseSource(sourceOf('c.zip', archive, 64 * 1024), 'brat'))).message).toBe(
      'c.zip: the entries inflate to more than 1200000 bytes, over the limit of 1 MB (GLOSSA_MAX_INFLATED_TOTAL_MB)',
    );
  });

  it('does not inflate entries the import ignores: a .conf bomb beside a valid pair is skipped', async () => {
    const docs = await collect(parseSource(sourceOf('c.zip', bratZipBomb(100 * MB, 'annotation.conf'), 64 * 1024), 'brat'));
    expect(docs.map((d) => [d.name, d.text])).toEqual([['a', 'A small text.']]);
  });

  it('refuses a docx whose XML inflates past the entry limit (the XML bomb)', async () => {
    const bomb = docxBomb(50 * MB);
    expect(bomb.length).toBeLessThan(1 * MB);
    const message = (await failure(parseSource(sourceOf('bomb.docx', bomb, 64 * 1024), 'docx'))).message;
    expect(message).toMatch(/^bomb\.docx: word\/document\.xml inflates to \d+ bytes, over the limit of 32 MB \(GLOSSA_MAX_INFLATED_ENTRY_MB\)$/);
    expect(Number(/to (\d+) bytes/.exec(message)![1])).toBeGreaterThan(50 * MB);
  });

  it('ends a parser worker that needs more memory or time than allowed, with the limit named', async () => {
    vi.stubEnv('GLOSSA_MAX_INFLATE_RATIO', '100000');
    vi.stubEnv('GLOSSA_PARSER_HEAP_MB', '24');
    const heavy = docxBomb(20 * MB);
    expect((await failure(parseSource(sourceOf('heavy.docx', heavy, 64 * 1024), 'docx'))).message).toBe(
      'heavy.docx: the file is too large or complex to parse within the limit of 24 MB (GLOSSA_PARSER_HEAP_MB) of parser memory',
    );
    vi.stubEnv('GLOSSA_PARSER_HEAP_MB', '512');
    vi.stubEnv('GLOSSA_PARSER_SECONDS', '0.05');
    expect((await failure(parseSource(sourceOf('heavy.docx', heavy, 64 * 1024), 'docx'))).message).toBe(
      'heavy.docx: parsing the file took longer than the limit of 0.05 s (GLOSSA_PARSER_SECONDS)',
    );
  }, 60_000);

  it('refuses a binary file past its size limit with a 413, while reading', async () => {
    vi.stubEnv('GLOSSA_MAX_BINARY_FILE_MB', '0.01');
    // Text that does not compress, so the file itself is over 0.01 MB.
    const noise = randomBytes(30_000).toString('base64');
    const error = await failure(parseSource(sourceOf('big.docx', docx([noise]), 1024), 'docx'));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(413);
    expect(error.message).toBe('The file big.docx exceeds the limit of 0.01 MB (GLOSSA_MAX_BINARY_FILE_MB); nothing was imported.');
  });
});

describe('pdf page limit', () => {
  it('refuses a PDF with more pages than the limit before extracting any', async () => {
    const file = manyPagePdf(2_001);
    expect((await failure(parseSource(sourceOf('pages.pdf', file, 64 * 1024), 'pdf'))).message).toBe(
      'pages.pdf: the PDF has 2001 pages, over the limit of 2,000 (GLOSSA_MAX_PDF_PAGES)',
    );
  }, 30_000);
});

describe('line, column, document and span limits', () => {
  it('refuses a line past the line limit while it streams, without waiting for its end', async () => {
    vi.stubEnv('GLOSSA_MAX_LINE_MB', '1');
    // An endless line: the parse must stop on its own once the limit is passed.
    const endless = endlessSource('x.jsonl', 64 * 1024);
    const error = await failure(parseSource(endless, 'jsonl'));
    expect(error.message).toBe('x.jsonl:1: the line is longer than the limit of 1 MB (GLOSSA_MAX_LINE_MB)');
    expect(endless.sent).toBe(MB + 64 * 1024);
  });

  it('refuses a CSV header with more columns than the limit; checks a wide header in one pass', async () => {
    expect((await failure(parseSource(sourceOf('wide.csv', wideCsv(100_000), 64 * 1024), 'csv'))).message).toBe(
      'wide.csv:1: header: 100,000 columns, over the limit of 1,000 (GLOSSA_MAX_CSV_COLUMNS)',
    );
    vi.stubEnv('GLOSSA_MAX_CSV_COLUMNS', '200000');
    const [doc] = await collect(parseSource(sourceOf('wide.csv', wideCsv(100_000), 64 * 1024), 'csv'));
    expect(Object.keys(doc!.metadata)).toHaveLength(99_999);
    const duplicate = `text,${Array.from({ length: 50_000 }, (_, i) => `c${i}`).join(',')},c7\n`;
    expect((await failure(parseSource(sourceOf('dup.csv', duplicate, 64 * 1024), 'csv'))).message).toBe('dup.csv:1: header: column "c7" appears twice');
  });

  it('refuses a .txt longer than the document limit before reading it whole', async () => {
    vi.stubEnv('GLOSSA_MAX_DOCUMENT_CHARS', '1000');
    const endless = endlessSource('big.txt', 1000);
    expect((await failure(parseSource(endless, 'txt'))).message).toBe(
      'big.txt: the file is longer than a document may be: over the limit of 1,000 (GLOSSA_MAX_DOCUMENT_CHARS) characters',
    );
    expect(endless.sent).toBe(4000);
  });

  it('reports the byte offset of invalid UTF-8 in an uploaded text file', async () => {
    const bytes = Buffer.concat([Buffer.from('line one\nline two é '), Buffer.from([0xff]), Buffer.from(' end')]);
    expect((await failure(parseSource(sourceOf('latin.txt', bytes), 'txt'))).message).toBe(
      'latin.txt:2: the file is not valid UTF-8 at byte 21 (save it as UTF-8 and upload it again)',
    );
  });
});

describe('a client that leaves', () => {
  it('stops the parse of its spooled upload', async () => {
    const spool = await Spool.create();
    try {
      const file = await spool.write(
        (async function* () {
          yield strToU8('text\n'.concat('row\n'.repeat(100_000)));
        })(),
      );
      const abort = new AbortController();
      const documents = parseSource(spooledSource('rows.csv', file, abort.signal), 'csv')[Symbol.asyncIterator]();
      expect((await documents.next()).value.text).toBe('row');
      abort.abort();
      await expect(collect({ [Symbol.asyncIterator]: () => documents })).rejects.toThrow(/abort/i);
    } finally {
      await spool.dispose();
    }
  });
});

describe('guardDocument', () => {
  const doc = (fields: Partial<ImportedDocument>): ImportedDocument => ({
    name: 'd',
    text: 'Some text.',
    metadata: {},
    spans: [],
    relations: [],
    documentLabels: [],
    location: { file: 'f.jsonl', line: 3 },
    ...fields,
  });
  const reasons = (fields: Partial<ImportedDocument>) => guardDocument(doc(fields), importLimits()).map((p) => p.reason);

  it('names the field path of a NUL or a lone surrogate', () => {
    expect(reasons({ text: 'a\u0000b' })).toEqual([
      'document "d": text contains a NUL character (U+0000) at character 1 (not allowed: remove it from the source)',
    ]);
    expect(reasons({ metadata: { authors: ['ok', 'x\u0000'] } })).toEqual([
      'document "d": metadata.authors[1] contains a NUL character (U+0000) at character 1 (not allowed: remove it from the source)',
    ]);
    expect(
      reasons({
        spans: [
          { start: 0, end: 4, label: 'ORG', location: { file: 'f' } },
          { start: 0, end: 4, label: 'ORG', attributes: { note: 'bad \ud800 here' }, location: { file: 'f' } },
        ],
      }),
    ).toEqual(['document "d": spans[1].attributes.note contains a lone surrogate (U+D800) at character 4 (not allowed: remove it from the source)']);
    expect(reasons({ metadata: { 'k\udc00': 1 } })[0]).toMatch(/^document "d": metadata key "k\\udc00" contains a lone surrogate \(U\+DC00\)/);
    expect(reasons({ name: 'n\u0000' })[0]).toMatch(/^document "n\u0000": name contains a NUL/);
  });

  it('accepts surrogate pairs (emoji) and ordinary control characters', () => {
    expect(reasons({ text: 'Flag 🇵🇰 and tab\there', metadata: { e: '👩‍👩‍👧' } })).toEqual([]);
  });

  it('limits the text length and the number of spans', () => {
    vi.stubEnv('GLOSSA_MAX_DOCUMENT_CHARS', '5');
    vi.stubEnv('GLOSSA_MAX_SPANS_PER_DOCUMENT', '1');
    const span = { start: 0, end: 1, label: 'ORG', location: { file: 'f' } };
    expect(reasons({ text: 'abcdef', spans: [span, span] })).toEqual([
      'document "d": text has 6 characters, over the limit of 5 (GLOSSA_MAX_DOCUMENT_CHARS)',
      'document "d": 2 spans, over the limit of 1 (GLOSSA_MAX_SPANS_PER_DOCUMENT)',
    ]);
  });
});

describe('upload body', () => {
  const limits = () => importLimits();
  const stalled = (first: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(strToU8(first));
      },
    });
  const drain = async (body: AsyncIterable<Uint8Array>) => {
    let bytes = 0;
    for await (const chunk of body) bytes += chunk.length;
    return bytes;
  };
  const rejection = async (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a rejection');
      },
      (error: HttpError) => error,
    );

  it('refuses a declared Content-Length over the limit unread, and a streamed body once it passes the limit', async () => {
    vi.stubEnv('GLOSSA_MAX_UPLOAD_MB', '1');
    const declared = new Request('http://x/', { method: 'POST', body: 'x', headers: { 'content-length': String(2 * MB) } });
    const first = await rejection(drain(limitedBody(declared, limits().uploadBytes, 'uploadBytes', limits())));
    expect([first.status, first.message]).toEqual([
      413,
      'The request body (2,097,152 bytes) exceeds the limit of 1 MB (GLOSSA_MAX_UPLOAD_MB); nothing was imported.',
    ]);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const streamed = await rejection(
      drain(
        limitedBody(new Request('http://x/', { method: 'POST', body: endless, duplex: 'half' } as RequestInit), limits().uploadBytes, 'uploadBytes', limits()),
      ),
    );
    expect([streamed.status, streamed.message]).toEqual([413, 'The request body exceeds the limit of 1 MB (GLOSSA_MAX_UPLOAD_MB); nothing was imported.']);
    expect(pulled).toBeLessThan(20);
  });

  it('cuts off a client that sends nothing for the idle limit (408)', async () => {
    vi.stubEnv('GLOSSA_UPLOAD_IDLE_SECONDS', '0.2');
    const request = new Request('http://x/', { method: 'POST', body: stalled('{"text":'), duplex: 'half' } as RequestInit);
    const error = await rejection(drain(limitedBody(request, limits().uploadBytes, 'uploadBytes', limits())));
    expect([error.status, error.code, error.message]).toEqual([
      408,
      'request_timeout',
      'The upload sent nothing for longer than the limit of 0.2 s (GLOSSA_UPLOAD_IDLE_SECONDS); nothing was imported.',
    ]);
  });
});

describe('readMultipart', () => {
  const form = (boundary: string) =>
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="format"',
      '',
      'txt',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="a b.txt"',
      'Content-Type: text/plain',
      '',
      `one\r\n--${boundary.slice(0, 5)} not a boundary\r\ntwo`,
      `--${boundary}--`,
      '',
    ].join('\r\n');

  it('splits fields and files across any chunking, files straight to disk', async () => {
    // Mixed case, as Chromium's are: the boundary is matched exactly.
    const boundary = boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryAb1');
    const bytes = strToU8(form(boundary));
    for (const size of [1, 2, 7, bytes.length]) {
      const spool = await Spool.create();
      try {
        const chunks = async function* () {
          for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
        };
        const { fields, files } = await readMultipart(chunks(), boundary, spool);
        expect(fields).toEqual({ format: 'txt' });
        expect(files.map((f) => [f.field, f.name])).toEqual([['file', 'a b.txt']]);
        expect(await readFile(files[0]!.path, 'utf8')).toBe(`one\r\n--${boundary.slice(0, 5)} not a boundary\r\ntwo`);
      } finally {
        await spool.dispose();
      }
    }
  });

  it('rejects a body that ends before its closing boundary', async () => {
    const spool = await Spool.create();
    try {
      const truncated = strToU8(form('b0undary').slice(0, 80));
      await expect(
        readMultipart(
          (async function* () {
            yield truncated;
          })(),
          'b0undary',
          spool,
        ),
      ).rejects.toThrow('Malformed multipart body: it ends before its closing boundary.');
    } finally {
      await spool.dispose();
    }
  });
});
