import type { ExportDocument } from './model';

/**
 * Imports from tagged sources (CoNLL, CoNLL-U) keep each span's label as the source spelled it
 * (`creative-work`, mapped to the schema's WORK_OF_ART) in the span attribute `source_label`, and
 * the schema key it was imported under in `source_label_key` (lib/import/source-labels). Exports
 * asked for `labels=source` write that spelling instead of the key, so a corpus goes back out under
 * its own tag set, but only while the span still has the label it was imported with: a span
 * relabelled since (its attributes stay) is written with its current key.
 */
export const SOURCE_LABEL_ATTRIBUTE = 'source_label';
export const SOURCE_LABEL_KEY_ATTRIBUTE = 'source_label_key';

export type LabelSpelling = 'schema' | 'source';
export const LABEL_SPELLINGS = ['schema', 'source'] as const satisfies readonly LabelSpelling[];

/** Label keys compare as the import's schema lookup compares them. */
const sameLabelKey = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The document with every span that still has its imported label relabelled to the source's spelling. */
export function withSourceLabels(doc: ExportDocument): ExportDocument {
  return {
    ...doc,
    spans: doc.spans.map((span) => {
      const spelling = span.attributes[SOURCE_LABEL_ATTRIBUTE];
      const key = span.attributes[SOURCE_LABEL_KEY_ATTRIBUTE];
      return typeof spelling === 'string' && spelling !== '' && typeof key === 'string' && sameLabelKey(key, span.label) ? { ...span, label: spelling } : span;
    }),
  };
}
