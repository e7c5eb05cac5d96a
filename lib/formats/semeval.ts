import type { ExportDocument, ExportSchema } from './model';
import { stanceRecords } from './stance-csv';

/**
 * The SemEval-2016 Task 6 layout the official scorer reads (`perl eval.pl gold guess`): a
 * tab-separated file, header `ID<TAB>Target<TAB>Tweet<TAB>Stance`, one judgement per line, the
 * same rows as stance-csv (lib/formats/stance-csv.ts) without its DocumentID and Author columns.
 * The scorer splits the file on LF and every line on TAB and wants exactly four fields, and a
 * Stance of FAVOR, AGAINST or NONE (case-sensitive). So:
 * - every tab, CR and LF inside ID, Target and Tweet becomes one space (one character for one,
 *   so the Tweet keeps its length), counted in `flattened`;
 * - Stance is the label or option key in upper case when that is FAVOR, AGAINST or NONE; a row
 *   with any other key, or an answer with several options or none, is left out and counted in
 *   `skipped` by its reason — never written with a value the scorer would reject.
 * No quoting: the scorer has none, so a quote character is text.
 */

export const SEMEVAL_HEADER = 'ID\tTarget\tTweet\tStance\n';
const SEMEVAL_STANCES = ['FAVOR', 'AGAINST', 'NONE'] as const;

const LAYOUT_BREAKING = /[\t\r\n]/g;

interface SemevalStats {
  /** Cells whose tabs or line breaks were replaced by spaces. */
  flattened: number;
  /** Rows left out, by reason. */
  skipped: Record<string, number>;
}

export function createSemevalRows(schema: ExportSchema, questions?: readonly string[]) {
  const stats: SemevalStats = { flattened: 0, skipped: {} };
  const cell = (value: string) => {
    const flat = value.replace(LAYOUT_BREAKING, ' ');
    if (flat !== value) stats.flattened++;
    return flat;
  };
  const skip = (reason: string) => void (stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1);
  return {
    rows(doc: ExportDocument): string {
      let out = '';
      for (const record of stanceRecords(doc, schema, questions)) {
        if (record.stances.length !== 1) {
          skip(`answers with ${record.stances.length} options (the scorer takes one stance per row)`);
          continue;
        }
        const stance = record.stances[0]!.toUpperCase();
        if (!(SEMEVAL_STANCES as readonly string[]).includes(stance)) {
          skip(`stance ${JSON.stringify(record.stances[0])} (not FAVOR, AGAINST or NONE)`);
          continue;
        }
        out += `${cell(record.id)}\t${cell(record.target)}\t${cell(record.text)}\t${stance}\n`;
      }
      return out;
    },
    stats: (): SemevalStats => stats,
  };
}
