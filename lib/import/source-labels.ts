import { SOURCE_LABEL_ATTRIBUTE, SOURCE_LABEL_KEY_ATTRIBUTE } from '@/lib/formats/source-labels';
import type { ImportedDocument } from './types';

/**
 * Records, beside a span's source spelling (`source_label`, set by the CoNLL and CoNLL-U parsers),
 * the schema key the import resolves it to: the label map's target, else the spelling itself (the
 * schema lookup matches keys case-insensitively, and so does the export's check). An export with
 * labels=source uses the spelling only while the span still has that label (lib/formats/source-labels).
 */
export function pinSourceLabels(doc: ImportedDocument, labelMap: Record<string, string> = {}): ImportedDocument {
  for (const span of doc.spans) {
    const spelling = span.attributes?.[SOURCE_LABEL_ATTRIBUTE];
    if (typeof spelling === 'string') span.attributes = { ...span.attributes, [SOURCE_LABEL_KEY_ATTRIBUTE]: labelMap[spelling] ?? spelling };
  }
  return doc;
}
