import { describeLimit, type ImportLimits } from '../limits';
import { ImportError } from '../types';
import type { SourceLine } from './input';

/**
 * CSV (RFC 4180) and TSV records, each with the line it starts on, or the problem that makes it
 * unreadable; the next record is read either way, so one upload reports every bad row. csv-parse,
 * used before, cannot do that: after a malformed quote it reads the rest of the file as one field.
 * A record ends at a line end outside quotes, and counting quotes tells where that is, because a
 * quote inside a quoted field is written doubled; each record is then split on its own. Only a
 * quote that is never closed takes the rest of the file with it, and that is said.
 */
export type CsvRecord = { line: number; fields: string[] } | { line: number; problem: string };

/** `tabs`: tab-separated values, without quoting (a `"` in a tweet is text). */
export async function* csvRecords(lines: AsyncIterable<SourceLine>, tabs: boolean, file: string, limits: ImportLimits): AsyncGenerator<CsvRecord> {
  let pending: string[] = [];
  let pendingBytes = 0;
  let start = 0;
  let quoted = false;
  let last = 0;
  for await (const { line, text } of lines) {
    last = line;
    // Blank lines between records are skipped, as csv-parse's skip_empty_lines did.
    if (pending.length === 0 && /^\r?\n?$/.test(text)) continue;
    if (pending.length === 0) start = line;
    pending.push(text);
    pendingBytes += Buffer.byteLength(text);
    if (!tabs) quoted = quotesOpen(text, quoted);
    if (quoted) {
      // A record is bounded like a line: a quote left open would otherwise gather the whole file.
      if (pendingBytes > limits.lineBytes) throw new ImportError({ file, line: start }, `the quoted field opened on line ${start} is still open after ${describeLimit('lineBytes', limits)}: a closing quote is missing (CSV: a quote inside a quoted field is written twice, "")`);
      continue;
    }
    yield splitRecord(pending.join('').replace(/\r?\n$/, ''), start, tabs, limits);
    pending = [];
    pendingBytes = 0;
  }
  if (pending.length > 0) {
    yield { line: start, problem: `the quoted field opened on line ${start} is never closed, so lines ${start}–${last} were read as one field: close the quote, or write a quote inside a quoted field twice ("")` };
  }
}

/** Whether a quoted field is still open at the end of `text`, given whether one was open at its start. */
function quotesOpen(text: string, open: boolean): boolean {
  let quoted = open;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) quoted = !quoted;
  return quoted;
}

/** The number of fields in a record, without building them: separators outside quotes, plus one. */
function countFields(text: string, tabs: boolean): number {
  const separator = tabs ? '\t' : ',';
  let count = 1;
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '"' && !tabs) quoted = !quoted;
    else if (char === separator && !quoted) count++;
  }
  return count;
}

function splitRecord(text: string, line: number, tabs: boolean, limits: ImportLimits): CsvRecord {
  const count = countFields(text, tabs);
  // Counted first, so a record of a million fields is refused after one scan, not built.
  if (count > limits.csvColumns) return { line, problem: `${count.toLocaleString('en-US')} columns, over ${describeLimit('csvColumns', limits)}` };
  if (tabs) return { line, fields: text.split('\t') };
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const number = fields.length + 1;
    if (text[at] === '"') {
      let value = '';
      at += 1;
      for (;;) {
        // The quotes balance (csvRecords ended the record outside quotes), so a closing one exists.
        const quote = text.indexOf('"', at);
        value += text.slice(at, quote);
        at = quote + 1;
        if (text[at] !== '"') break;
        value += '"';
        at += 1;
      }
      if (at < text.length && text[at] !== ',') {
        return { line, problem: `field ${number}: text after its closing quote (${JSON.stringify(text.slice(at, at + 10))}); in CSV a quote inside a quoted field is written twice ("say ""hi""")` };
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', at);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(at, end);
      if (value.includes('"')) {
        return { line, problem: `field ${number} holds a quote but does not begin with one; in CSV such a field is quoted whole with its quotes doubled ("say ""hi"""), or save tab-separated data as .tsv, which has no quoting` };
      }
      fields.push(value);
      at = end;
    }
    if (at >= text.length) return { line, fields };
    at += 1;
    if (at === text.length) {
      fields.push('');
      return { line, fields };
    }
  }
}
