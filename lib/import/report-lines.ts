import type { RejectionDetails } from './problems';
import type { ImportReport } from './service';

/**
 * The import report's files as lines of text, for the command line: every count the API's report has, so
 * nothing the import skipped or decided is hidden from a user of the CLI.
 */
export function reportLines(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const file of report.files) {
    const read = [file.format, ...file.variants, ...(file.encoding === undefined ? [] : [file.encoding])].join(', ');
    lines.push(
      `${file.file} (${read}): ${file.documents} document(s), ${file.spans} span(s), ${file.relations} relation(s), ${file.documentLabels} document answer(s)`,
    );
    if (file.duplicatesSkipped.length > 0) {
      const lost = file.skippedWithDuplicates;
      lines.push(
        `  ${file.duplicatesSkipped.length} duplicate(s) skipped with ${lost.spans} span(s), ` +
          `${lost.relations} relation(s), ${lost.answers} answer(s): ` +
          `${file.duplicatesSkipped.map((d) => `"${d.name}" (same text as document ${d.existingDocumentId ?? 'in this import'})`).join(', ')}`,
      );
    }
    if (file.duplicatesMerged.length > 0) {
      const merged = file.duplicatesMerged.map(
        (d) => `"${d.name}" onto ${d.documentId} (+${d.spans} span(s), +${d.relations} relation(s), +${d.answers} answer(s))`,
      );
      lines.push(`  ${file.duplicatesMerged.length} duplicate(s) merged: ${merged.join(', ')}`);
    }
    const counted = (what: string, counts: Record<string, number>) => {
      const entries = Object.entries(counts);
      if (entries.length > 0) lines.push(`  ${what}: ${entries.map(([name, count]) => `${name} × ${count}`).join(', ')}`);
    };
    counted('unknown labels skipped', file.unknownLabelsSkipped);
    counted('not kept from the format', file.formatSkipped);
    counted('notes (documents read)', file.notes);
  }
  return lines;
}

/** A rejected import for the command line: every listed problem at its place, and how many more were found than listed. */
export function rejectionLines({ problems, problemsTotal }: RejectionDetails): string[] {
  const unlisted = problemsTotal - problems.length;
  return [
    `Nothing was imported: ${problemsTotal} problem(s)${unlisted > 0 ? `, the first ${problems.length} listed` : ''}:`,
    ...problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : p.record ? ` record ${p.record}` : ''}: ${p.reason}`),
    ...(unlisted > 0 ? [`  … and ${unlisted} more problem(s), not listed`] : []),
  ];
}
