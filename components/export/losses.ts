import { plural } from '@/components/review/format';
import { exportUrl, startExport, type ExportChoice } from './request';

/**
 * What a download would leave out, from the dataset card's counts for the whole export
 * (format=card-json&of=<format>): BIO formats hold one entity per token, so nested spans and
 * spans covering no word are dropped; formats without span attributes drop the annotators' unsure
 * flags and notes. Empty when nothing is lost.
 */
export async function loadLosses(projectId: string, choice: ExportChoice, signal: AbortSignal): Promise<string[]> {
  const response = await startExport(exportUrl(projectId, choice, { format: 'card-json', of: choice.format }), signal);
  const card = (await response.json()) as { formatNotes?: Record<string, number | string> };
  return describeLosses(card.formatNotes ?? {});
}

export function describeLosses(notes: Record<string, number | string>): string[] {
  const count = (key: string) => (typeof notes[key] === 'number' ? notes[key] : 0);
  const nested = count('droppedNested');
  const wordless = count('droppedUntokenized');
  const unsure = count('unsureFlagsDropped');
  const spanNotes = count('notesDropped');
  return [
    ...(nested > 0 ? [`${plural(nested, 'nested span')} will not be in this file (one entity per word: the outermost is kept).`] : []),
    ...(wordless > 0 ? [`${plural(wordless, 'span')} with no word (only spaces) will not be in this file.`] : []),
    ...(unsure > 0 ? [`${plural(unsure, '"unsure" flag')} on spans will not be in this file (it has no span attributes).`] : []),
    ...(spanNotes > 0 ? [`${plural(spanNotes, 'note')} on spans will not be in this file (it has no span attributes).`] : []),
  ];
}
