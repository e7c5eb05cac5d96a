import type { PrismaClient } from '@/lib/db/client';
import { countDocument, datasetCard, emptyCardCounts, type DatasetCard } from '@/lib/formats/card';
import { GOLD_AUTHOR, type ExportDocument, type ExportSchema } from '@/lib/formats/model';
import packageJson from '@/package.json';
import { sourceName, type ExportFilters, type ExportSource } from './options';

/**
 * The dataset card of one export (lib/formats/card), from counts taken while the documents
 * stream past: archives put it inside, single-file exports serve it at `format=card`.
 */

/** Agreement figures by measure name, computed by the review module; absent when it has none. */
export type AgreementProvider = (db: PrismaClient, projectId: string) => Promise<Record<string, number> | undefined>;

export interface CardFacts {
  projectId: string;
  project: { name: string; description: string; license: string };
  schema: ExportSchema;
  format: string;
  source: ExportSource;
  filters: ExportFilters;
  exportedAt: Date;
  agreement?: AgreementProvider;
}

/** What the card counts, added to as each document is written. */
export function createTally() {
  const counts = emptyCardCounts();
  const authors = new Set<string>();
  let unannotated = 0;
  return {
    counts,
    authors,
    get unannotated() {
      return unannotated;
    },
    add(doc: ExportDocument) {
      countDocument(counts, doc);
      if (doc.spans.length + doc.relations.length + doc.documentLabels.length === 0) unannotated++;
      // Not spread into one array: this runs for every span of the export.
      for (const items of [doc.spans, doc.relations, doc.documentLabels]) for (const item of items) authors.add(item.author);
    },
  };
}

type Tally = ReturnType<typeof createTally>;

export async function buildCard(db: PrismaClient, facts: CardFacts, tally: Tally, writerNotes: Record<string, number | string>): Promise<DatasetCard> {
  const userIds = [...tally.authors].filter((author) => author !== GOLD_AUTHOR);
  const [users, recommenders, agreement] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    db.recommender.findMany({ where: { id: { in: Object.keys(tally.counts.recommenders) } }, select: { id: true, name: true } }),
    facts.agreement?.(db, facts.projectId),
  ]);
  const gold = tally.authors.has(GOLD_AUTHOR) ? [{ id: GOLD_AUTHOR, name: 'Gold (adjudicated)' }] : [];
  return datasetCard({
    project: facts.project,
    schema: facts.schema,
    format: facts.format,
    counts: tally.counts,
    source: sourceName(facts.source),
    annotators: [...gold, ...users],
    recommenderNames: Object.fromEntries(recommenders.map((r) => [r.id, r.name])),
    ...(agreement && { agreement }),
    exportedAt: facts.exportedAt.toISOString(),
    glossaVersion: packageJson.version,
    formatNotes: { ...writerNotes, documentsWithoutAnnotations: tally.unannotated, ...filterNotes(facts.filters) },
  });
}

/** The filters, so a reader of the card knows the data is a selection. */
function filterNotes(filters: ExportFilters): Record<string, string | number> {
  const notes: Record<string, string | number> = {};
  if (filters.status) notes['filter: assignment status'] = filters.status;
  if (filters.assignee) notes['filter: assigned to'] = filters.assignee;
  if (filters.documents) notes['filter: document ids'] = filters.documents.join(', ');
  for (const [key, value] of Object.entries(filters.metadata ?? {})) notes[`filter: metadata ${key}`] = value;
  if (filters.limit !== undefined) notes['filter: first documents only (preview)'] = filters.limit;
  return notes;
}
