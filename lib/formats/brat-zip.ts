import { Zip, ZipDeflate, strToU8, unzipSync } from 'fflate';
import { bratDocument, readBratDocument, recordAttributeUse, type BratAttributeUse, type BratOptions } from './brat';
import { bratAnnotationConf, readBratAnnotationConf } from './brat-conf';
import { FormatError } from './errors';
import { createFileNamer } from './filenames';
import type { ExportDocument, ExportSchema } from './model';

/**
 * A brat collection as a zip: `<name>.txt` and `<name>.ann` per document (names sanitised and
 * unique, see ./filenames), then `annotation.conf`, written last because it declares the
 * attribute values the documents used. Entries are compressed one at a time as documents are
 * added, so memory stays flat however large the export.
 */

export const BRAT_CONF_FILE = 'annotation.conf';

interface BratZipOptions extends BratOptions {
  /** Entry timestamp. Fixed by default (local 2000-01-01) so the same export gives the same bytes. */
  mtime?: Date;
}

interface BratZipWriter {
  add(doc: ExportDocument): void;
  end(): void;
}

export function createBratZip(schema: ExportSchema, onData: (chunk: Uint8Array, final: boolean) => void, options: BratZipOptions = {}): BratZipWriter {
  const zip = new Zip((error, chunk, final) => {
    if (error) throw error;
    onData(chunk, final);
  });
  const fileName = createFileNamer();
  const used: BratAttributeUse = new Map();
  // DOS timestamps are local time; a date built from local fields encodes identically everywhere.
  const mtime = options.mtime ?? new Date(2000, 0, 1);
  const addFile = (path: string, content: string) => {
    const file = new ZipDeflate(path, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    file.push(strToU8(content), true);
  };
  return {
    add(doc) {
      const base = fileName(doc.name);
      const { txt, ann, attributes } = bratDocument(doc, options);
      addFile(`${base}.txt`, txt);
      addFile(`${base}.ann`, ann);
      for (const [name, values] of attributes) recordAttributeUse(used, name, values);
    },
    end() {
      addFile(BRAT_CONF_FILE, bratAnnotationConf(schema, used));
      zip.end();
    },
  };
}

/** Reads a brat zip: the schema from annotation.conf and one document per `.txt` (its `.ann` may be absent). */
export function readBratZip(data: Uint8Array, options: BratOptions = {}): { schema: ExportSchema; documents: ExportDocument[] } {
  const entries = unzipSync(data);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const read = (path: string): string | undefined => {
    const bytes = entries[path];
    if (!bytes) return undefined;
    try {
      return decoder.decode(bytes);
    } catch {
      throw new FormatError(path, undefined, 'not valid UTF-8');
    }
  };
  const conf = read(BRAT_CONF_FILE);
  if (conf === undefined) throw new FormatError('brat archive', undefined, `${BRAT_CONF_FILE} is missing`);
  const schema = readBratAnnotationConf(conf);
  const paths = Object.keys(entries);
  const orphan = paths.find((path) => path.endsWith('.ann') && !Object.hasOwn(entries, path.replace(/\.ann$/, '.txt')));
  if (orphan) throw new FormatError(orphan, undefined, 'has no .txt file beside it');
  const documents = paths
    .filter((path) => path.endsWith('.txt'))
    .map((path) => {
      const name = path.slice(0, -'.txt'.length);
      return readBratDocument({ name, txt: read(path) ?? '', ann: read(`${name}.ann`) ?? '' }, schema, options);
    });
  return { schema, documents };
}
