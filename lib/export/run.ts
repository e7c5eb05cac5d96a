import type { PrismaClient } from '@/lib/db/client';
import type { LabelSpelling } from '@/lib/formats/source-labels';
import type { ExportDocument } from '@/lib/formats/model';
import { badRequest, conflict, notFound } from '@/lib/http/errors';
import { buildCard, createTally, type AgreementProvider, type CardFacts } from './card';
import { CARD_INFO, FORMAT_INFO, sourceName, type AnyFormat, type CardFormat, type ExportFilters, type ExportFormat, type ExportSource } from './options';
import { loadExportSchema } from './schema';
import { countDocuments, hasGold } from './selection';
import { readExportDocuments, type ReadOptions } from './source';
import { OutputBuffer, producerStream } from './stream';
import { createWriter } from './writers';
import type { CsvEscape } from '@/lib/formats/stance-csv';

/**
 * One export, from the request to a byte stream (docs/ARCHITECTURE.md §11). Everything that
 * can fail cleanly (unknown project, a source with nothing in it, a format the source cannot
 * fill) fails here, before the first byte, so the API can still answer with a status; after
 * that the data streams from PostgreSQL through the format writer to the reader, at the
 * reader's pace.
 *
 * The dataset card: archives (brat, hf) carry it as README.md, written last since its counts are
 * known only then. Single-file formats stay pure data (a JSONL line is a document, nothing
 * else, so doccano, `datasets` and conlleval read them as they are); their card is the same
 * export requested as `format=card` (Markdown) or `card-json`, which streams the documents
 * through the same writer once without sending the data.
 */

export const NO_GOLD_MESSAGE = 'This project has no gold annotations yet: adjudicate first (Review → Adjudicate), or export source=all.';

export interface ExportRequest {
  format: AnyFormat;
  /** For `card` and `card-json`: the data format the card describes (its notes differ). Default jsonl. */
  cardOf?: ExportFormat;
  /** stance-csv: escape formula-like cells for spreadsheets (the default) or keep them exact. */
  csvEscape?: CsvEscape;
  source: ExportSource;
  filters?: ExportFilters;
  /** Absolute IRI the W3C annotations are named under. */
  baseUrl: string;
  agreement?: AgreementProvider;
  /** Aborting it (the client went away) stops reading from the database. */
  signal?: AbortSignal;
  read?: ReadOptions;
  /** `source`: write labels as the imported source spelled them (lib/formats/source-labels); conll, conllu and spacy only. */
  labels?: LabelSpelling;
}

interface ExportResult {
  contentType: string;
  fileName: string;
  /** How many documents the export holds, known before the first byte (for progress bars). */
  totalDocuments: number;
  /** The data format: the requested one, or the one a card describes. */
  dataFormat: ExportFormat;
  stream: ReadableStream<Uint8Array>;
}

const isCard = (format: AnyFormat): format is CardFormat => format in CARD_INFO;

export async function exportProject(db: PrismaClient, projectId: string, request: ExportRequest): Promise<ExportResult> {
  const project = await db.project.findUnique({ where: { id: projectId }, select: { name: true, description: true, license: true } });
  if (!project) throw notFound('Project');
  const card = isCard(request.format) ? request.format : undefined;
  const dataFormat = card ? (request.cardOf ?? 'jsonl') : (request.format as ExportFormat);
  await checkSource(db, projectId, request.source, dataFormat);
  if (request.labels === 'source' && !FORMAT_INFO[dataFormat].sourceLabels) {
    const formats = Object.entries(FORMAT_INFO).flatMap(([name, info]) => (info.sourceLabels ? [name] : []));
    throw badRequest(`labels=source: ${dataFormat} names labels by their schema key; the source spelling is written by ${formats.join(', ')}.`);
  }

  const filters = request.filters ?? {};
  const selection = { projectId, source: request.source, filters };
  const [schema, totalDocuments] = await Promise.all([loadExportSchema(db, projectId), countDocuments(db, selection)]);
  const exportedAt = new Date();
  const facts: CardFacts = { projectId, project, schema, format: dataFormat, source: request.source, filters, exportedAt, agreement: request.agreement };
  const output = new OutputBuffer();
  // A card request runs the data writer for its notes and drops its output.
  const writerContext = { schema, project, baseUrl: request.baseUrl, exportedAt, csvEscape: request.csvEscape, labels: request.labels };
  const writer = createWriter(dataFormat, writerContext, card ? () => {} : output.write);
  // Only archives and card requests show the card; single files are done without it, and without counting for it.
  const tally = card || FORMAT_INFO[dataFormat].archive ? createTally() : undefined;
  const documents = readExportDocuments(selection, { ...request.read, tokens: FORMAT_INFO[dataFormat].tokenized });
  // The first document is read before answering, so that a reader connection that cannot be
  // made (database down, pool of connections refused, connect timeout) or a first batch that
  // fails is still an error status; later failures break the transfer (./stream.ts).
  let first: IteratorResult<ExportDocument> | undefined = await documents.next();

  const stream = producerStream(
    {
      async step() {
        const next = first ?? (await documents.next());
        first = undefined;
        if (!next.done) {
          tally?.add(next.value);
          writer.document(next.value);
          return true;
        }
        const built = tally ? await buildCard(db, facts, tally, writer.notes()) : undefined;
        writer.end(built);
        if (card && built) output.write(card === 'card' ? built.markdown : `${JSON.stringify(built.json, null, 2)}\n`);
        return false;
      },
      async stop() {
        await documents.return(undefined);
      },
    },
    output,
    request.signal,
  );

  const extension = card ? CARD_INFO[card].extension : FORMAT_INFO[dataFormat].extension;
  const base = [slug(project.name), sourceName(request.source).replace(':', '-'), ...(card ? [dataFormat, 'card'] : [])].join('-');
  return {
    contentType: card ? CARD_INFO[card].contentType : FORMAT_INFO[dataFormat].contentType,
    fileName: `${base}.${extension}`,
    totalDocuments,
    dataFormat,
    stream,
  };
}

async function checkSource(db: PrismaClient, projectId: string, source: ExportSource, format: ExportFormat): Promise<void> {
  if (source.kind === 'all' && FORMAT_INFO[format].singleAuthor) {
    throw badRequest(
      `${format} tags each token with one entity, so it holds one annotator's work: export source=gold ` +
        `or source=annotator:<userId>, or choose jsonl, brat or w3c for everyone's annotations.`,
    );
  }
  if (source.kind === 'gold' && !(await hasGold(db, projectId))) throw conflict(NO_GOLD_MESSAGE);
  if (source.kind === 'annotator') {
    const [member, authored] = await Promise.all([
      db.membership.findUnique({ where: { projectId_userId: { projectId, userId: source.userId } }, select: { id: true } }),
      db.annotation.findFirst({ where: { authorId: source.userId, document: { projectId } }, select: { id: true } }),
    ]);
    if (!member && !authored) throw badRequest(`source=annotator:${source.userId}: that user is not a member of this project and has annotated nothing in it.`);
  }
}

function slug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return ascii || 'glossa-export';
}
