import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * What the event log keeps of each kind of entity: the columns that define it, nothing
 * derived (labels' keys), no timestamps (the event has its own) and no deletion mark (the
 * action says it). One function per kind, used by every writer, so `before` and `after` of
 * any two events of one entity compare field by field whoever wrote them.
 */
type Row<K extends string> = { [key in K]: unknown };

const ANNOTATION = [
  'id',
  'documentId',
  'authorId',
  'labelId',
  'start',
  'end',
  'quote',
  'attributes',
  'unsure',
  'note',
  'targetId',
  'targetAnnotationId',
  'origin',
  'version',
  'sourceIds',
] as const;
const RELATION = ['id', 'documentId', 'authorId', 'labelId', 'sourceId', 'targetId', 'attributes', 'origin', 'version', 'sourceIds'] as const;
// A document's text never changes; what does is its name and whether it is withdrawn (the action says that).
const DOCUMENT = ['id', 'name'] as const;
const DOCUMENT_LABEL = ['id', 'documentId', 'authorId', 'labelId', 'targetId', 'values', 'origin', 'version', 'sourceIds'] as const;
// Settings a study's method depends on (blind mode, coders per document, gold shown): changing
// one mid-study must be on record with when and by whom.
const PROJECT = [
  'id',
  'name',
  'description',
  'guidelines',
  'annotatorsPerDocument',
  'blindMode',
  'allowOverlap',
  'snapToWords',
  'showGoldToAnnotators',
  'allowSelfAssignment',
  'license',
] as const;
const LABEL = [
  'id',
  'layer',
  'key',
  'name',
  'description',
  'color',
  'hotkey',
  'position',
  'retired',
  'sourceTypes',
  'targetTypes',
  'options',
  'multiple',
  'perTarget',
] as const;
const TARGET = ['id', 'key', 'name', 'aliases', 'position', 'retired'] as const;
// A comment's words and who wrote them where; its edit and deletion times are the events' own.
const COMMENT = ['id', 'documentId', 'authorId', 'body'] as const;

function pick<K extends string>(row: Row<K>, keys: readonly K[]): Prisma.InputJsonObject {
  return Object.fromEntries(keys.map((key) => [key, row[key] ?? null])) as Prisma.InputJsonObject;
}

export const annotationSnapshot = (row: Row<(typeof ANNOTATION)[number]>) => pick(row, ANNOTATION);
export const relationSnapshot = (row: Row<(typeof RELATION)[number]>) => pick(row, RELATION);
export const documentSnapshot = (row: Row<(typeof DOCUMENT)[number]>) => pick(row, DOCUMENT);
export const documentLabelSnapshot = (row: Row<(typeof DOCUMENT_LABEL)[number]>) => pick(row, DOCUMENT_LABEL);
export const projectSnapshot = (row: Row<(typeof PROJECT)[number]>) => pick(row, PROJECT);
export const labelSnapshot = (row: Row<(typeof LABEL)[number]>) => pick(row, LABEL);
export const targetSnapshot = (row: Row<(typeof TARGET)[number]>) => pick(row, TARGET);
export const commentSnapshot = (row: Row<(typeof COMMENT)[number]>) => pick(row, COMMENT);

// A run's outcome as a paper reports it: status, counts, tokens and who asked. Its document ids
// (up to 200,000) are left out; their number is kept as `documents` (lib/recommenders/run-events.ts).
const RUN = [
  'id',
  'recommenderId',
  'trigger',
  'status',
  'documents',
  'documentsDone',
  'documentsFailed',
  'suggestionsCount',
  'dropped',
  'promptTokens',
  'completionTokens',
  'message',
  'requestedById',
] as const;
export const runSnapshot = (row: Row<(typeof RUN)[number]>) => pick(row, RUN);
