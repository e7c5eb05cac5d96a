import mammoth from 'mammoth';
import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { newDocument } from './document';
import { baseName, readBytes } from './input';

/**
 * `.docx` → mammoth's raw text, one document per file. mammoth ends every paragraph with a blank
 * line; runs of empty paragraphs are merged into one blank line and the blank lines after the
 * last paragraph dropped, so paragraphs are separated by exactly one blank line. Tables, lists and
 * text boxes come out as their paragraphs; formatting, images and comments are not text.
 */
export async function* parseDocx(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const location = { file: source.name };
  const bytes = await readBytes(source);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new ImportError(location, `not a readable .docx file (${(error as Error).message})`);
  }
  const text = raw.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  yield newDocument(baseName(source.name), text, location);
}
