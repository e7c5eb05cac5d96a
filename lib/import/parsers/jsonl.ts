import { ImportError, type ImportedDocument, type ImportSource } from '../types';
import { newDocument } from './document';
import { baseName } from './input';
import { isObject, jsonLines, nameAndMetadata, readRecord } from './json';

/**
 * Plain JSON Lines, one document per line: `{ "text": "…", "name"?: "…", "metadata"?: {…} }`;
 * every other field joins the metadata. Without a name a document is called `<file>#<line>`.
 */
export async function* parseJsonl(source: ImportSource, onProblem?: (problem: ImportError) => void): AsyncGenerator<ImportedDocument> {
  for await (const { value, location } of jsonLines(source, onProblem)) {
    const document = readRecord(() => {
      if (!isObject(value)) throw new ImportError(location, 'expected a JSON object per line ({ "text": "…", "name"?: "…", "metadata"?: {…} })');
      if (typeof value.text !== 'string') throw new ImportError(location, 'text: expected a string (plain JSON Lines keeps the document text in "text")');
      const { name, metadata } = nameAndMetadata(value, ['text'], `${baseName(source.name)}#${location.line}`, location);
      return newDocument(name, value.text, location, metadata);
    }, onProblem);
    if (document !== undefined) yield document;
  }
}
