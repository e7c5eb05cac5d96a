import { extractText } from 'unpdf';
import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { newDocument } from './document';
import { baseName, readBytes } from './input';

/**
 * `.pdf` → the text layer of every page (PDF.js via unpdf), one document per file: each page's
 * text with trailing whitespace removed, pages separated by one blank line, pages without text
 * left out; `metadata.pages` is the page count. A PDF is a page description, not a text, so
 * reading order and line breaks are PDF.js's reconstruction. Scanned pages have no text layer
 * and are not OCRed.
 */
export async function* parsePdf(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const location = { file: source.name };
  // PDF.js takes ownership of (detaches) the buffer it is given, so it gets its own copy.
  const bytes = (await readBytes(source)).slice();
  let pages: { totalPages: number; text: string[] };
  try {
    pages = await extractText(bytes, { mergePages: false });
  } catch (error) {
    throw new ImportError(location, `not a readable PDF (${(error as Error).message})`);
  }
  const text = pages.text.map((page) => page.trimEnd()).filter((page) => page.trim() !== '').join('\n\n');
  if (text === '') throw new ImportError(location, 'the PDF has no extractable text (scanned image?)');
  yield newDocument(baseName(source.name), text, location, { pages: pages.totalPages });
}
