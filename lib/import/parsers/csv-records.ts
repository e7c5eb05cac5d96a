import { describeLimit, type ImportLimits } from '../limits';
import { ImportError } from '../types';
import type { SourceLine } from './input';

/**
 * CSV (RFC 4180) and TSV records, each with the line it starts on, or the problem that makes it
 * unreadable; the next record is read either way, so one upload reports every bad row. csv-parse,
 * used before, cannot do that: after a malformed quote it reads the rest of the file as one field.
 * A record ends at a line end outside quotes (QuoteScan tells where: a quote opens a field only at
 * its start, and inside one a quote is written doubled); each record is then split on its own.
 * Only a quote that is never closed takes the rest of the file with it, and that is said.
 */
export type CsvRecord = { line: number; fields: string[] } | { line: number; problem: string };

/** `tabs`: tab-separated values, without quoting (a `"` in a tweet is text). */
export async function* csvRecords(lines: AsyncIterable<SourceLine>, tabs: boolean, file: string, limits: ImportLimits): AsyncGenerator<CsvRecord> {
  let pending: string[] = [];
  let pendingBytes = 0;
  let start = 0;
  let scan = new QuoteScan(tabs);
  let last = 0;
  for await (const { line, text } of lines) {
    last = line;
    // Blank lines between records are skipped, as csv-parse's skip_empty_lines did.
    if (pending.length === 0 && /^\r?\n?$/.test(text)) continue;
    if (pending.length === 0) start = line;
    pending.push(text);
    pendingBytes += Buffer.byteLength(text);
    scan.add(text);
    if (scan.quoted) {
      // A record is bounded like a line: a quote left open would otherwise gather the whole file.
      if (pendingBytes > limits.lineBytes)
        throw new ImportError(
          { file, line: start },
          `the quoted field opened on line ${start} is still open after ${describeLimit('lineBytes', limits)}: a closing quote is missing (CSV: ` +
            `a quote inside a quoted field is written twice, "")`,
        );
      continue;
    }
    yield splitRecord(pending.join('').replace(/\r?\n$/, ''), start, tabs, limits);
    pending = [];
    pendingBytes = 0;
    scan = new QuoteScan(tabs);
  }
  if (pending.length > 0) {
    yield {
      line: start,
      problem:
        `the quoted field opened on line ${start} is never closed, so lines ${start}–${last} were read as one field: close the quote, or ` +
        `write a quote inside a quoted field twice ("")`,
    };
  }
}

/**
 * RFC 4180's quoting, fed a record line by line: whether a quoted field is open at the end, and
 * how many separators lie outside quotes. A quote opens a field only at its start (elsewhere it is
 * a stray quote, which splitRecord reports); inside a quoted field `""` is a quote and `"` closes it.
 */
class QuoteScan {
  quoted = false;
  separators = 0;
  private fieldStart = true;

  private readonly separator: string;

  /** `tabs`: tab-separated values, which have no quoting. */
  constructor(private readonly tabs: boolean) {
    this.separator = tabs ? '\t' : ',';
  }

  add(text: string): this {
    for (let at = 0; at < text.length; at++) {
      const char = text[at];
      if (this.quoted) {
        if (char !== '"') continue;
        if (text[at + 1] === '"') at++;
        else this.quoted = false;
        continue;
      }
      if (char === '"' && this.fieldStart && !this.tabs) this.quoted = true;
      else if (char === this.separator) this.separators++;
      this.fieldStart = char === this.separator;
    }
    return this;
  }
}

function splitRecord(text: string, line: number, tabs: boolean, limits: ImportLimits): CsvRecord {
  const count = new QuoteScan(tabs).add(text).separators + 1;
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
        return {
          line,
          problem:
            `field ${number}: text after its closing quote (${JSON.stringify(text.slice(at, at + 10))}); in CSV a quote inside a quoted ` +
            `field is written twice ("say ""hi""")`,
        };
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', at);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(at, end);
      if (value.includes('"')) {
        return {
          line,
          problem:
            `field ${number} holds a quote but does not begin with one; in CSV such a field is quoted whole with its quotes doubled ("say ` +
            `""hi"""), or save tab-separated data as .tsv, which has no quoting`,
        };
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
