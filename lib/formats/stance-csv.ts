import type { ExportDocument, ExportSchema } from './model';

/**
 * SemEval-2016 Task 6 style stance table (Mohammad et al. 2016), RFC 4180 CSV with CRLF line
 * ends: `ID,Target,Text,Stance,DocumentID,Author`.
 * - one row per STANCE span: ID the span id, Target the project target's name (or, for a stance
 *   towards an entity span, that span's quote), Text the stanced span's quote, Stance its label key;
 * - one row per answer to a document-level stance question: ID `<document id>/<question>/<target>/<author>`,
 *   Text the whole document, Stance the chosen option keys joined by '|'. Stance questions are
 *   those given in `questions`, by default the DOCUMENT questions asked per target.
 */

export const STANCE_CSV_HEADER = 'ID,Target,Text,Stance,DocumentID,Author\r\n';

/**
 * Spreadsheets run a cell that begins with = + - @ (and, after a tab or CR, what follows) as a
 * formula: `=HYPERLINK(…)` in an imported text would become a live link (OWASP "CSV injection").
 * `spreadsheet` puts a ' before such cells, which spreadsheets show as text and hide; `raw` keeps
 * every cell exactly as annotated, for NLP tooling. The count of affected cells goes in the card.
 */
export type CsvEscape = 'spreadsheet' | 'raw';

const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** Writes cells in one escaping mode and counts those a spreadsheet would have run. */
export function createCsvCells(escape: CsvEscape) {
  let formulaLike = 0;
  // RFC 4180: a field holding a comma, a double quote or a line break is quoted, quotes doubled.
  const field = (raw: string): string => {
    let value = raw;
    if (isFormulaLike(value)) {
      formulaLike++;
      if (escape === 'spreadsheet') value = `'${value}`;
    }
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return {
    row: (fields: string[]): string => `${fields.map(field).join(',')}\r\n`,
    get formulaLike() {
      return formulaLike;
    },
  };
}

type CsvCells = ReturnType<typeof createCsvCells>;

/** One stance judgement: a STANCE span, or an answer to a document-level stance question. */
interface StanceRecord {
  id: string;
  /** The project target's name, a target span's quote, or '' when the stance has no target. */
  target: string;
  /** The stanced span's quote, or the whole document for an answer. */
  text: string;
  /** A span's label key, or the option keys an answer chose. */
  stances: string[];
  documentId: string;
  author: string;
}

/** The rows of stance-csv (and of the semeval variant beside it) for one document, in document order. */
export function stanceRecords(doc: ExportDocument, schema: ExportSchema, questions?: readonly string[]): StanceRecord[] {
  const targetNames = new Map(schema.targets.map((target) => [target.key, target.name]));
  const targetName = (key: string) => targetNames.get(key) ?? key;
  const quotes = new Map(doc.spans.map((span) => [span.id, span.quote]));
  const asked = new Set(questions ?? schema.labels.filter((label) => label.layer === 'DOCUMENT' && label.perTarget).map((label) => label.key));

  const spanRows = doc.spans
    .filter((span) => span.layer === 'STANCE')
    .map((span) => ({
      id: span.id,
      target: span.target === undefined ? '' : span.target.kind === 'target' ? targetName(span.target.key) : (quotes.get(span.target.spanId) ?? ''),
      text: span.quote,
      stances: [span.label],
      documentId: doc.id,
      author: span.author,
    }));
  const answerRows = doc.documentLabels
    .filter((answer) => asked.has(answer.question))
    .map((answer) => ({
      id: [doc.id, answer.question, answer.target ?? '', answer.author].join('/'),
      target: answer.target === undefined ? '' : targetName(answer.target),
      text: doc.text,
      stances: answer.values,
      documentId: doc.id,
      author: answer.author,
    }));
  return [...spanRows, ...answerRows];
}

export function stanceCsvRows(doc: ExportDocument, schema: ExportSchema, options: { questions?: readonly string[]; cells?: CsvCells } = {}): string {
  const csvRow = (options.cells ?? createCsvCells('spreadsheet')).row;
  return stanceRecords(doc, schema, options.questions)
    .map((record) => csvRow([record.id, record.target, record.text, record.stances.join('|'), record.documentId, record.author]))
    .join('');
}
