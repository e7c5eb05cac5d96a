import type { ImportedDocument, ImportSource } from '../types';
import { parseBinary } from './binary';
import { newDocument } from './document';
import { baseName } from './input';

/**
 * `.docx` → mammoth's raw text, one document per file, parsed in the parser sandbox after its
 * entries pass the inflation limits. mammoth ends every paragraph with a blank line; runs of empty
 * paragraphs are merged into one blank line and the blank lines after the last paragraph dropped,
 * so paragraphs are separated by exactly one blank line. Tables, lists and text boxes come out as
 * their paragraphs; formatting, images and comments are not text.
 */
export async function* parseDocx(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const { text: raw } = await parseBinary(source, 'docx', {}, 'not a readable .docx file');
  const text = raw.replace(/\n{3,}/g, '\n\n').replace(/^\n+|\n+$/g, '');
  yield newDocument(baseName(source.name), text, { file: source.name });
}
