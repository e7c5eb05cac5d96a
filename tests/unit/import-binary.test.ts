import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/import/parsers';
import { docx, pdf } from '../fixtures/import/documents';
import { collect, failure, sourceOf } from '../fixtures/import/source';

describe('docx', () => {
  it('extracts the paragraphs, separated by one blank line', async () => {
    const [doc] = await collect(parseSource(sourceOf('report.docx', docx(['First paragraph.', 'دوسرا پیراگراف 🙂']), 512), 'docx'));
    expect(doc).toMatchObject({ name: 'report', text: 'First paragraph.\n\nدوسرا پیراگراف 🙂', metadata: {}, location: { file: 'report.docx' } });
  });

  it('rejects a file that is not a .docx', async () => {
    expect((await failure(parseSource(sourceOf('fake.docx', 'plain text'), 'docx'))).message).toMatch(/^fake\.docx: not a readable \.docx file/);
  });
});

describe('pdf', () => {
  it('extracts the text of every page, pages separated by a blank line', async () => {
    const [doc] = await collect(parseSource(sourceOf('paper.pdf', pdf([['Hello PDF world', 'Second line'], ['Page two']]), 256), 'pdf'));
    expect(doc?.name).toBe('paper');
    expect(doc?.metadata).toEqual({ pages: 2 });
    expect(doc?.text).toBe('Hello PDF world\nSecond line\n\nPage two');
  });

  it('rejects a PDF without a text layer, and a file that is not a PDF', async () => {
    expect((await failure(parseSource(sourceOf('scan.pdf', pdf([[]])), 'pdf'))).message).toBe('scan.pdf: the PDF has no extractable text (scanned image?)');
    expect((await failure(parseSource(sourceOf('fake.pdf', 'not a pdf at all'), 'pdf'))).message).toMatch(/^fake\.pdf: not a readable PDF/);
  });
});
