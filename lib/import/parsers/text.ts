import type { ImportedDocument, ImportSource } from '../types';
import { newDocument } from './document';
import { baseName, readText } from './input';

/**
 * `.txt` and `.md`: the whole file is one document, named after the file, its text exactly as
 * decoded (only a leading BOM is dropped). Markdown stays Markdown source: rendering it would
 * change the text annotators see and every offset a later export refers to.
 */
export async function* parseText(source: ImportSource): AsyncGenerator<ImportedDocument> {
  yield newDocument(baseName(source.name), await readText(source), { file: source.name });
}
