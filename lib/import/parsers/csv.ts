import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { describeLimit, importLimits, type ImportLimits } from '../limits';
import { ImportError, type ImportedDocument, type ImportSource, type ParseOptions, type SourceLocation } from '../types';
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
  for await (const { fields, line } of csvRows(source, limits, tabs)) {
    const location = { file, line };
    if (!columns) {
      columns = readHeader(fields, options, location, limits);
      continue;
    }
    row++;
    const header = columns;
    // A bad row is reported (with onProblem) and the next one read, so every bad row is listed.
    const doc = readRecord(() => csvDocument(fields, header, row, location, file, tabs, options), options.onProblem);
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

function csvDocument(fields: string[], columns: Columns, row: number, location: SourceLocation, file: string, tabs: boolean, options: ParseOptions): ImportedDocument {
  const { names, text, name, answer, target } = columns;
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
    else if (target !== undefined && targetName === '') throw new ImportError(location, `column ${JSON.stringify(names[target])} is blank, so the answer ${JSON.stringify(value)} has no stance target`);
    else doc.documentLabels = [{ question: options.question, values: [value], ...(target !== undefined && { target: targetName }), location }];
  }
  return doc;
}

// Messages list the columns, up to this many (the rest are counted).
const LISTED_COLUMNS = 20;

/** Checked in one pass (a map from name to index), after the column count: linear in the header. */
function readHeader(names: string[], options: ParseOptions, location: SourceLocation, limits: ImportLimits): Columns {
  if (names.length > limits.csvColumns) throw tooManyColumns(names.length, location, limits);
  const shown = names.slice(0, LISTED_COLUMNS).map((name) => JSON.stringify(name)).join(', ');
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

/** Parsed rows, each with the 1-based line it starts on. */
async function* csvRows(source: ImportSource, limits: ImportLimits, tabs: boolean): AsyncGenerator<{ fields: string[]; line: number }> {
  // A quoted field may span lines, so a record is bounded like a line, by csv-parse itself.
  const parser = parse({ info: true, raw: true, skip_empty_lines: true, max_record_size: limits.lineBytes, ...(tabs && { delimiter: '\t', quote: false }) });
  // The lines are decoded here, not by csv-parse, so invalid UTF-8 is an error at its line.
  const input = Readable.from((async function* () {
    const header = new HeaderCount(tabs);
    for await (const { text } of rawTextLines(source, limits)) {
      if (!header.done && header.add(text) > limits.csvColumns) throw tooManyColumns(header.columns, { file: source.name, line: 1 }, limits);
      yield text;
    }
  })());
  // Errors of either stream end up in `parser`, where the loop below sees them; an early
  // return destroys both.
  pipeline(input, parser, () => {});
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      // info.lines is where the row ends; raw holds the row (after any skipped blank lines).
      const extraLines = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').split('\n').length - 1;
      yield { fields: record, line: info.lines - extraLines };
    }
  } catch (error) {
    if (error instanceof CsvError) throw new ImportError({ file: source.name, line: typeof error.lines === 'number' ? error.lines : undefined }, `not valid CSV: ${error.message}`);
    throw error;
  }
}

function tooManyColumns(count: number, location: SourceLocation, limits: ImportLimits): ImportError {
  return new ImportError(location, `header: ${count.toLocaleString('en-US')} columns, over ${describeLimit('csvColumns', limits)}`);
}

/**
 * Counts the header's columns from its raw text (commas outside quotes, or tabs) before csv-parse builds
 * the record: a header of 100,000 columns is refused after one cheap scan instead of costing the
 * event loop a second of parsing. Fed line by line, since a quoted name may hold a line break.
 */
class HeaderCount {
  columns = 1;
  done = false;
  private quoted = false;

  constructor(private readonly tabs: boolean) {}

  add(text: string): number {
    const separator = this.tabs ? 0x09 : 0x2c;
    for (let at = 0; at < text.length; at++) {
      const char = text.charCodeAt(at);
      if (char === 0x22 && !this.tabs) this.quoted = !this.quoted;
      else if (char === separator && !this.quoted) this.columns++;
    }
    // A blank first line is skipped by the parser; the header is the first record with text.
    if (!this.quoted && text.trim() !== '') this.done = true;
    return this.columns;
  }
}
