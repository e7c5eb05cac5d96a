import { storedSentences } from '@/lib/export/stored-tokens';
import type { ExportDocument } from '@/lib/formats/model';
import type { ImportedDocument } from '@/lib/import/types';
import { sliceByCodePoints } from '@/lib/offsets';

/**
 * A parsed import as the export would read it back from the database: spans with their quotes,
 * the source's tokens through the same decoding as stored ones (lib/export/stored-tokens). For
 * unit round trips reader → writer without PostgreSQL; the integration tests go through it.
 */
export function asExportDocument(doc: ImportedDocument): ExportDocument {
  const tokens = doc.sourceTokens;
  const sentences = tokens ? storedSentences(doc.text, `{${tokens.tokenOffsets.join(',')}}`, `{${tokens.sentenceStarts.join(',')}}`) : undefined;
  return {
    id: doc.name,
    name: doc.name,
    text: doc.text,
    metadata: doc.metadata,
    spans: doc.spans.map((span, index) => ({
      id: span.ref ?? `s${index}`,
      start: span.start,
      end: span.end,
      label: span.label,
      layer: span.layer ?? 'ENTITY',
      quote: sliceByCodePoints(doc.text, span.start, span.end),
      author: 'gold',
      attributes: span.attributes ?? {},
    })),
    relations: doc.relations.map((relation, index) => ({ id: `r${index}`, label: relation.label, source: relation.source, target: relation.target, author: 'gold', attributes: relation.attributes ?? {} })),
    documentLabels: [],
    ...(sentences && { sentences }),
  };
}
