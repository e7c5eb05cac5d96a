import 'server-only';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type pg from 'pg';
import { dedicatedClient } from '@/lib/db/dedicated';
import { Prisma } from '@/lib/generated/prisma/client';
import { ACTIVE_SECONDS_KEY, GOLD_AUTHOR, type ExportDocument, type ExportDocumentLabel } from '@/lib/formats/model';
import { SOURCE_TOKENIZER_PREFIX, TOKENIZER_VERSION } from '@/lib/tokenize';
import { assertExportable } from './integrity';
import { loadLabelIndex, type LabelIndex } from './label-index';
import { PACKED_SPANS, unpackSpans } from './packed-spans';
import { authorCondition, documentWhere, type Selection } from './selection';
import { storedSentences } from './stored-tokens';

/**
 * A project's documents with the annotations of one source, read from PostgreSQL batch by batch
 * with keyset paging on (position, id). While one batch is written the next is fetched, so the
 * database and the writer work side by side and memory holds two batches however large the
 * project. A batch is one statement, a page of documents each with its spans (packed, see
 * ./packed-spans), relations and answers aggregated by subqueries on the (documentId, authorId)
 * index, plus the label index beside it. Every document is checked (./integrity) before it is
 * yielded.
 *
 * The export reads over a connection of its own (DATABASE_URL, like the live hub's) rather than
 * through Prisma: receiving the rows through Prisma cost about half as much CPU again as pg alone
 * (bench/RESULTS.md), and a connection held for the export's duration is released the moment the
 * reader goes away.
 */

const BATCH_DOCUMENTS = 200;
// pg reads the socket only when the event loop turns, and a reader that takes each chunk at once
// (as the benchmark and a fast client do) never lets it: PostgreSQL would then stall with the next
// batch half sent until this one is written. Turning every few documents keeps it sending.
const DOCUMENTS_PER_TURN = 5;
// Texts may be megabytes each: a batch takes no further documents once this much text is in it.
const BATCH_TEXT_BYTES = 16 * 1024 * 1024;

export const EXPORT_APPLICATION_NAME = 'glossa export';
// One batch is one statement over at most BATCH_DOCUMENTS documents (milliseconds at 10
// million annotations, bench/explain-10m.md); one that runs this long is stuck, not slow.
const EXPORT_STATEMENT_TIMEOUT_MS = 120_000;

export interface ReadOptions {
  batchSize?: number;
  /** Called as each batch starts loading; tests and the benchmark count database round trips with it. */
  onBatch?: (index: number) => void;
  /** Read the tokens stored with each document too (token-based formats), where they are current. */
  tokens?: boolean;
}

interface Key {
  position: number;
  id: string;
}

type RelationTuple = [id: string, author: string | null, labelId: string, source: string, target: string, attributes: Record<string, unknown>];
type AnswerTuple = [question: string, target: string | null, values: string[], author: string | null];

interface DocumentRow extends Key {
  name: string;
  text: string;
  metadata: string;
  /** Aggregates over the document's annotations of the source; null when it has none. */
  spans: string | null;
  relations: RelationTuple[] | null;
  answers: AnswerTuple[] | null;
  /** Active annotation seconds by annotator id (heartbeats); null when none was recorded. */
  activeSeconds: Record<string, number> | null;
  /** As PostgreSQL writes int[]; null unless asked for and stored by the current tokenizer. */
  tokenOffsets?: string | null;
  sentenceStarts?: string | null;
}

export async function* readExportDocuments(selection: Selection, options: ReadOptions = {}): AsyncGenerator<ExportDocument> {
  const client = dedicatedClient(EXPORT_APPLICATION_NAME, EXPORT_STATEMENT_TIMEOUT_MS);
  // Errors on an idle connection arrive as events; the next query reports them.
  client.on('error', () => {});
  const size = options.batchSize ?? BATCH_DOCUMENTS;
  let remaining = selection.filters.limit ?? Number.POSITIVE_INFINITY;
  let started = 0;
  const load = (after: Key | undefined): Promise<Batch> => {
    options.onBatch?.(started++);
    const batch = loadBatch(client, selection, after, Math.min(size, remaining), options.tokens ?? false);
    // Awaited in the loop below; this only stops a prefetch that fails meanwhile from counting as unhandled.
    batch.catch(() => {});
    return batch;
  };
  let pending: Promise<Batch> | undefined;
  try {
    await client.connect();
    pending = load(undefined);
    while (pending) {
      const { documents, last }: Batch = await pending;
      remaining -= documents.length;
      pending = last && remaining > 0 ? load(last) : undefined;
      // Decoded one at a time as they are written, so their objects die young, which is cheap to collect.
      for (const [position, decode] of documents.entries()) {
        if (position % DOCUMENTS_PER_TURN === DOCUMENTS_PER_TURN - 1) await nextTurn();
        yield decode();
      }
    }
  } finally {
    // Stopped early (client gone): let an in-flight prefetch finish so nothing outlives the export.
    await pending?.catch(() => {});
    await client.end().catch(() => {});
  }
}

interface Batch {
  documents: (() => ExportDocument)[];
  /** The keyset position after this batch; absent when the page was empty. */
  last?: Key;
}

async function loadBatch(client: pg.Client, selection: Selection, after: Key | undefined, take: number, tokens: boolean): Promise<Batch> {
  const keyset = after ? Prisma.sql`AND (d.position, d.id) > (${after.position}::int, ${after.id}::text)` : Prisma.empty;
  // Only tokens of the current tokenizer (others would not be what tokenize gives now) or of the document's source (lib/tokenize isCurrentTokenizer).
  const current = Prisma.sql`(d.tokenizer = ${TOKENIZER_VERSION} OR starts_with(d.tokenizer, ${SOURCE_TOKENIZER_PREFIX}))`;
  const storedTokens = tokens
    ? Prisma.sql`, CASE WHEN ${current} THEN d."tokenOffsets"::text END AS "tokenOffsets",
        CASE WHEN ${current} THEN d."sentenceStarts"::text END AS "sentenceStarts"`
    : Prisma.empty;
  const tokenColumns = tokens ? Prisma.sql`, page."tokenOffsets", page."sentenceStarts"` : Prisma.empty;
  const query = Prisma.sql`
      SELECT page.id, page.name, page.text, page.metadata, page.position ${tokenColumns},
        (SELECT ${PACKED_SPANS} FROM "Annotation" a
          WHERE a."documentId" = page.id AND a."deletedAt" IS NULL AND ${authorCondition(selection.source, 'a')}) AS spans,
        (SELECT json_agg(json_build_array(r.id, r."authorId", r."labelId", r."sourceId", r."targetId", r.attributes) ORDER BY r."createdAt", r.id)
          FROM "Relation" r
          WHERE r."documentId" = page.id AND r."deletedAt" IS NULL AND ${authorCondition(selection.source, 'r')}) AS relations,
        (SELECT json_agg(json_build_array(l.key, t.key, dl.values, dl."authorId") ORDER BY l.position, l.key, t.position, t.key, dl."authorId" NULLS FIRST)
          FROM "DocumentLabel" dl JOIN "Label" l ON l.id = dl."labelId" LEFT JOIN "Target" t ON t.id = dl."targetId"
          WHERE dl."documentId" = page.id AND dl."deletedAt" IS NULL AND ${authorCondition(selection.source, 'dl')}) AS answers,
        (SELECT json_object_agg(asg."userId", asg."activeSeconds" ORDER BY asg."userId")
          FROM "Assignment" asg
          WHERE asg."documentId" = page.id AND asg."activeSeconds" > 0 AND ${activeTimeCondition(selection.source)}) AS "activeSeconds"
      FROM (
        SELECT d.id, d.name, d.text, d.metadata::text AS metadata, d.position ${storedTokens},
          sum(octet_length(d.text)) OVER (ORDER BY d.position, d.id) - octet_length(d.text) AS preceding
        FROM "Document" d
        WHERE ${documentWhere(selection)} ${keyset}
        ORDER BY d.position, d.id
        LIMIT ${take}::int) page
      WHERE page.preceding < ${BATCH_TEXT_BYTES}
      ORDER BY page.position, page.id`;
  // One after the other: a pg client runs one query at a time, and queuing a second one on a busy
  // client is deprecated (pg 9 will refuse it); the label index is one short query per batch.
  const index = await loadLabelIndex(client, selection.projectId);
  const { rows } = await client.query<DocumentRow>(query.text, query.values);
  const last = rows.at(-1);
  if (!last) return { documents: [] };
  return { documents: rows.map((row) => () => decode(row, index)), last: { position: last.position, id: last.id } };
}

/** Whose annotation time a source reports: an annotator's own, or everyone's (gold is made from their work). */
function activeTimeCondition(source: Selection['source']): Prisma.Sql {
  return source.kind === 'annotator' ? Prisma.sql`asg."userId" = ${source.userId}` : Prisma.sql`TRUE`;
}

function decode(row: DocumentRow, index: LabelIndex): ExportDocument {
  const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
  const doc: ExportDocument = {
    id: row.id,
    name: row.name,
    text: row.text,
    // Researchers report annotation time per document; it travels with the document's metadata.
    metadata: row.activeSeconds ? { ...metadata, [ACTIVE_SECONDS_KEY]: row.activeSeconds } : metadata,
    spans: row.spans ? unpackSpans(row.spans, index, authorOf) : [],
    relations: (row.relations ?? []).map(([id, author, labelId, source, target, attributes]) => ({
      id,
      label: index.label(labelId).key,
      source,
      target,
      author: authorOf(author),
      attributes,
    })),
    documentLabels: (row.answers ?? []).map(toAnswer),
  };
  const sentences = row.tokenOffsets && row.sentenceStarts ? storedSentences(row.text, row.tokenOffsets, row.sentenceStarts) : undefined;
  if (sentences) doc.sentences = sentences;
  assertExportable(doc);
  return doc;
}

const authorOf = (id: string | null) => id || GOLD_AUTHOR;

function toAnswer([question, target, values, author]: AnswerTuple): ExportDocumentLabel {
  return { question, ...(target !== null && { target }), values, author: authorOf(author) };
}
