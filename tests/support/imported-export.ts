import { storedSentences } from '@/lib/export/stored-tokens';
import type { ExportDocument } from '@/lib/formats/model';
import { parseSource } from '@/lib/import/parsers';
import type { ImportedDocument, ImportFormat } from '@/lib/import/types';
import { sliceByCodePoints } from '@/lib/offsets';
import { sourceOf } from '../fixtures/import/source';

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
      ...(span.origin && { origin: span.origin }),
      ...(span.sourceIds && { sourceIds: span.sourceIds }),
    })),
    relations: doc.relations.map((relation, index) => ({
      id: `r${index}`,
      label: relation.label,
      source: relation.source,
      target: relation.target,
      author: 'gold',
      attributes: relation.attributes ?? {},
    })),
    documentLabels: [],
    ...(sentences && { sentences }),
  };
}

/** An export read back the way users import it: the import's own entry (parseSource) with the given format. */
export async function importExport(fileName: string, content: string | Uint8Array, format: ImportFormat): Promise<ExportDocument[]> {
  return (await importDocuments(fileName, content, format)).map(asExportDocument);
}

/**
 * What an import keeps of an exported document, to compare a document with its import: all
 * but the ids the exporting project gave the document and its relations (an import makes new ones).
 */
export function keptOfExport(doc: ExportDocument) {
  return {
    name: doc.name,
    text: doc.text,
    metadata: doc.metadata,
    spans: doc.spans.map(({ id, start, end, label, layer, quote, author, attributes, origin, sourceIds, target }) => ({
      id,
      start,
      end,
      label,
      layer,
      quote,
      author,
      attributes,
      origin,
      sourceIds: sourceIds && [...sourceIds],
      target: target === undefined ? undefined : target.kind === 'target' ? target.key : { span: target.spanId },
    })),
    relations: doc.relations.map(({ label, source, target, author, attributes }) => ({ label, source, target, author, attributes })),
    documentLabels: doc.documentLabels.map(({ question, target, values, author }) => ({ question, target, values, author })),
  };
}

export function keptOfImport(doc: ImportedDocument): ReturnType<typeof keptOfExport> {
  return {
    name: doc.name,
    text: doc.text,
    metadata: doc.metadata,
    spans: doc.spans.map(({ ref, start, end, label, layer, quote, author, attributes, origin, sourceIds, target }) => ({
      id: ref ?? '',
      start,
      end,
      label,
      layer: layer ?? 'ENTITY',
      quote: quote ?? '',
      author: author ?? '',
      attributes: attributes ?? {},
      origin,
      sourceIds,
      target,
    })),
    relations: doc.relations.map(({ label, source, target, author, attributes }) => ({
      label,
      source,
      target,
      author: author ?? '',
      attributes: attributes ?? {},
    })),
    documentLabels: doc.documentLabels.map(({ question, target, values, author }) => ({ question, target, values, author: author ?? '' })),
  };
}

/** Parses `content` with the import's own entry, as `format`. */
export async function importDocuments(fileName: string, content: string | Uint8Array, format: ImportFormat): Promise<ImportedDocument[]> {
  const documents: ImportedDocument[] = [];
  for await (const doc of parseSource(sourceOf(fileName, content), format)) documents.push(doc);
  return documents;
}
