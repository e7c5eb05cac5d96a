import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { parseBinary } from './binary';
import { newDocument } from './document';
import { baseName } from './input';

/**
 * `.pdf` → the text layer of every page (PDF.js via unpdf, in the parser sandbox, at most
 * GLOSSA_MAX_PDF_PAGES pages), one document per file: each page's text with trailing whitespace
 * removed, pages separated by one blank line, pages without text left out; `metadata.pages` is
 * the page count. A PDF is a page description, not a text, so reading order and line breaks are
 * PDF.js's reconstruction. Scanned pages have no text layer and are not OCRed.
 */
export async function* parsePdf(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const location = { file: source.name };
  const pages = await parseBinary(source, 'pdf', {}, 'not a readable PDF');
  const text = pages.text
    .map((page) => page.trimEnd())
    .filter((page) => page.trim() !== '')
    .join('\n\n');
  if (text === '') throw new ImportError(location, 'the PDF has no extractable text (scanned image?)');
  yield newDocument(baseName(source.name), text, location, { pages: pages.totalPages });
}
