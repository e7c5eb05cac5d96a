import type { ExportDocument } from './model';

/**
 * Imports from tagged sources (CoNLL, CoNLL-U) keep each span's label as the source spelled it
 * (`creative-work`, mapped to the schema's CREATIVE_WORK) in this span attribute; exports asked for
 * `labels=source` write that spelling instead of the schema key, so a corpus goes back out under
 * its own tag set.
 */
export const SOURCE_LABEL_ATTRIBUTE = 'source_label';

export type LabelSpelling = 'schema' | 'source';
export const LABEL_SPELLINGS = ['schema', 'source'] as const satisfies readonly LabelSpelling[];

/** The document with every span that has a source spelling relabelled to it; the others keep their key. */
export function withSourceLabels(doc: ExportDocument): ExportDocument {
  return {
    ...doc,
    spans: doc.spans.map((span) => {
      const source = span.attributes[SOURCE_LABEL_ATTRIBUTE];
      return typeof source === 'string' && source !== '' ? { ...span, label: source } : span;
    }),
  };
}
