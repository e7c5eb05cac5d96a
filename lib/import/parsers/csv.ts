import { importLimits } from '../limits';
import { ImportError, type ImportedDocument, type ImportSource, type ParseOptions, type SourceLocation } from '../types';
import { csvRecords } from './csv-records';
import { newDocument } from './document';
import { baseName, rawTextLines } from './input';
import { readRecord } from './json';

/**
 * CSV (RFC 4180: comma-separated, `"` quoting, quoted fields may span lines), or for `.tsv` files
 * tab-separated values (no quoting, as IANA's text/tab-separated-values: a `"` in a tweet is text),
 * one document per row, read as the bytes arrive. The first row must name the columns. The text
 * comes from `textColumn` (default "text"), the name from `nameColumn` (default "name" when there is
 * such a column; otherwise, or when the cell is blank, `<file>#<row>` with rows counted from 1 after
 * the header). With `questionColumn` and `question`, the column's value answers that document
 * question, per stance target named in `targetColumn` when given (SemEval-2016 Task 6: Stance →
 * OVERALL_STANCE per Target); a blank answer cell is counted in the report, not guessed. Every
 * other column becomes a string metadata field. Errors name the line the row starts on.
 */
export async function* parseCsv(source: ImportSource, options: ParseOptions = {}): AsyncGenerator<ImportedDocument> {
  const file = source.name;
  const limits = importLimits();
  const tabs = /\.tsv$/i.test(file);
  let columns: Columns | undefined;
  let row = 0;
  for await (const record of csvRecords(rawTextLines(source, limits), tabs, file, limits)) {
    const location = { file, line: record.line };
    if (!columns) {
      // Without its header no row can be read: a bad header ends the file.
      if ('problem' in record) throw new ImportError(location, `header: ${record.problem}`);
      columns = readHeader(record.fields, options, location);
      continue;
    }
    row++;
    const header = columns;
    // A bad row is reported (with onProblem) and the next one read, so every bad row is listed.
    const doc = readRecord(() => {
      if ('problem' in record) throw new ImportError(location, record.problem);
      return csvDocument(record.fields, header, row, location, file, tabs, options);
    }, options.onProblem);
    if (doc !== undefined) yield doc;
  }
  if (!columns) throw new ImportError({ file }, 'the file is empty; a CSV import needs a header row naming the columns and one row per document');
}

interface Columns {
  names: string[];
  text: number;
  name: number | undefined;
  answer: number | undefined;
  target: number | undefined;
}

function csvDocument(
  fields: string[],
  columns: Columns,
  row: number,
  location: SourceLocation,
  file: string,
  tabs: boolean,
  options: ParseOptions,
): ImportedDocument {
  const { names, text, name, answer, target } = columns;
  if (fields.length !== names.length) throw new ImportError(location, columnCount(fields.length, names.length, tabs));
  const consumed = new Set([text, name, answer, target]);
  const metadata: Record<string, string> = {};
  names.forEach((column, index) => {
    if (!consumed.has(index)) metadata[column] = fields[index] ?? '';
  });
  const stated = name === undefined ? '' : (fields[name] ?? '').trim();
  const doc = newDocument(stated === '' ? `${baseName(file)}#${row}` : stated, fields[text] ?? '', location, metadata);
  if (tabs) doc.variant = 'tab-separated values';
  if (answer !== undefined && options.question !== undefined) {
    const value = (fields[answer] ?? '').trim();
    const targetName = target === undefined ? '' : (fields[target] ?? '').trim();
    if (value === '') doc.skipped = { [`blank ${names[answer]} cells`]: 1 };
    else if (target !== undefined && targetName === '')
      throw new ImportError(location, `column ${JSON.stringify(names[target])} is blank, so the answer ${JSON.stringify(value)} has no stance target`);
    else doc.documentLabels = [{ question: options.question, values: [value], ...(target !== undefined && { target: targetName }), location }];
  }
  return doc;
}

// Messages list the columns, up to this many (the rest are counted).
const LISTED_COLUMNS = 20;

/** Checked in one pass (a map from name to index), after the column count: linear in the header. */
function readHeader(names: string[], options: ParseOptions, location: SourceLocation): Columns {
  const shown = names
    .slice(0, LISTED_COLUMNS)
    .map((name) => JSON.stringify(name))
    .join(', ');
  const listed = names.length > LISTED_COLUMNS ? `${shown} and ${names.length - LISTED_COLUMNS} more` : shown;
  const positions = new Map<string, number>();
  names.forEach((name, index) => {
    if (name.trim() === '') throw new ImportError(location, `header: column ${index + 1} has no name (columns: ${listed})`);
    if (positions.has(name)) throw new ImportError(location, `header: column ${JSON.stringify(name)} appears twice`);
    positions.set(name, index);
  });
  const find = (column: string, what: string) => {
    const index = positions.get(column);
    if (index === undefined) throw new ImportError(location, `there is no ${what} column ${JSON.stringify(column)}; the columns are ${listed}`);
    return index;
  };
  const text = find(options.textColumn ?? 'text', 'text');
  const name = options.nameColumn !== undefined ? find(options.nameColumn, 'name') : positions.get('name');
  const answer = options.questionColumn === undefined ? undefined : find(options.questionColumn, 'question');
  const target = options.targetColumn === undefined ? undefined : find(options.targetColumn, 'target');
  return { names, text, name, answer, target };
}

/** A row with more or fewer fields than the header has columns, and the usual cause in each variant. */
function columnCount(found: number, expected: number, tabs: boolean): string {
  const row = `the row has ${found} ${tabs ? 'tab-separated ' : ''}field(s) but the header names ${expected} column(s)`;
  return tabs
    ? `${row}; tab-separated values have no quoting, so a text must not hold a tab: remove it, or save the file as CSV with quoted fields`
    : `${row}; quote a field that holds a comma ("Karachi, Pakistan"); if the file is tab-separated, name it .tsv`;
}
