import { ImportError, type ImportedDocument, type ImportFormat, type ImportSource, type ParseOptions } from '../types';
import { parseBratZip } from './brat';
import { parseConll } from './conll';
import { parseConllu } from './conllu';
import { parseCsv } from './csv';
import { parseDoccano } from './doccano';
import { parseDocx } from './docx';
import { parseGlossa } from './glossa';
import { parseHtml } from './html';
import { parseJsonl } from './jsonl';
import { parseLabelStudio } from './label-studio';
import { parsePdf } from './pdf';
import { parseText } from './text';
import { parseWebannoTsv } from './webanno-tsv';

export { detectFormat } from './detect';
export { parseBratPair } from './brat';

/**
 * The documents of one file in the given format, parsed as they are iterated: nothing is read
 * before the first `next()`, and every problem is an ImportError thrown from the iteration.
 */
export function parseSource(source: ImportSource, format: ImportFormat, options: ParseOptions = {}): AsyncIterable<ImportedDocument> {
  switch (format) {
    case 'txt':
    case 'md':
      return parseText(source);
    case 'html':
      return parseHtml(source);
    case 'docx':
      return parseDocx(source);
    case 'pdf':
      return parsePdf(source);
    case 'csv':
      return parseCsv(source, options);
    case 'jsonl':
      return parseJsonl(source, options.onProblem);
    case 'glossa':
      return parseGlossa(source, options.onProblem);
    case 'doccano':
      return parseDoccano(source, options);
    case 'label-studio':
      return parseLabelStudio(source, options);
    case 'brat':
      return parseBrat(source, options.onProblem);
    case 'conll':
      return parseConll(source, options.onProblem);
    case 'conllu':
      return parseConllu(source, options.onProblem);
    case 'webanno-tsv':
      return parseWebannoTsv(source);
  }
}

async function* parseBrat(source: ImportSource, onProblem: ParseOptions['onProblem']): AsyncGenerator<ImportedDocument> {
  if (/\.ann$/i.test(source.name)) {
    throw new ImportError(
      { file: source.name },
      'a brat .ann file needs its .txt: upload both together (they are paired by base name) or upload a .zip of the collection',
    );
  }
  yield* parseBratZip(source, onProblem);
}
