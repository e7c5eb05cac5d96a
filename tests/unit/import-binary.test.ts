import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSource } from '@/lib/import/parsers';
import { collect, failure, sourceOf } from '../fixtures/import/source';

/** The smallest .docx Word and mammoth accept: content types, the package relationship, the body. */
function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** A one-object-per-line PDF with correct xref offsets; each page shows its lines in Helvetica. */
function pdf(pages: string[][]): Uint8Array {
  const fontId = 3 + pages.length * 2;
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`];
  for (const [index, lines] of pages.entries()) {
    const content = lines.length === 0 ? '' : `BT /F1 18 Tf 72 720 Td 24 TL ${lines.map((line) => `(${line}) Tj T*`).join(' ')} ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + index * 2} 0 R /Resources << /Font << /F1 ${fontId} 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  let out = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = out.length;
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

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
