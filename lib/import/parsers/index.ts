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

type Parser = (source: ImportSource, options: ParseOptions) => AsyncIterable<ImportedDocument>;

/** A reader whose only option is where to report the problems it skips past. */
const reportingTo =
  (parse: (source: ImportSource, onProblem: ParseOptions['onProblem']) => AsyncIterable<ImportedDocument>): Parser =>
  (source, options) =>
    parse(source, options.onProblem);

const PARSERS: Record<ImportFormat, Parser> = {
  txt: parseText,
  md: parseText,
  html: parseHtml,
  docx: parseDocx,
  pdf: parsePdf,
  'webanno-tsv': parseWebannoTsv,
  csv: parseCsv,
  doccano: parseDoccano,
  'label-studio': parseLabelStudio,
  jsonl: reportingTo(parseJsonl),
  glossa: reportingTo(parseGlossa),
  brat: reportingTo(parseBrat),
  conll: reportingTo(parseConll),
  conllu: reportingTo(parseConllu),
};

/**
 * The documents of one file in the given format, parsed as they are iterated: nothing is read
 * before the first `next()`, and every problem is an ImportError thrown from the iteration.
 */
export function parseSource(source: ImportSource, format: ImportFormat, options: ParseOptions = {}): AsyncIterable<ImportedDocument> {
  return PARSERS[format](source, options);
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
