import type { PrismaClient, DbClient } from '@/lib/db/client';
import type { Origin } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { HttpError } from '@/lib/http/errors';
import { importedTokens, writeTokens, type StoredDocumentTokens } from '@/lib/documents/tokens';
import { detectFormat, parseSource } from './parsers';
import { prepareDocument, type PreparedDocument, type Problem } from './prepare';
import { SchemaLookup } from './schema-lookup';
import { pinSourceLabels } from './source-labels';
import { ImportError, type ImportedDocument, type ImportFormat, type ImportSource, type ParseOptions } from './types';

/**
 * A batch import: every file of one request, command or upload, stored in ONE
 * transaction. Documents are parsed as streams and written in chunks, so large
 * batches never sit in memory; any invalid record rejects the whole batch with a
 * report of every problem found (up to MAX_PROBLEMS), and nothing is stored.
 */
export interface ImportOptions {
  projectId: string;
  actorId: string;
  /** Where imported work goes: the importing user's layer, another member's, or gold. */
  author: { kind: 'user'; userId: string } | { kind: 'gold' };
  /** Attribute spans to the authors named in the source (member ids or e-mails, or "gold"). */
  keepSourceAuthors?: boolean;
  format?: ImportFormat;
  parse?: ParseOptions;
  labelMap?: Record<string, string>;
  unknownLabels?: 'reject' | 'skip';
  allowDuplicates?: boolean;
  origin?: Extract<Origin, 'IMPORTED' | 'SUGGESTED'>;
}

/** A file to parse, or documents that arrived already structured (the JSON request body, brat pairs). */
export type ImportInput =
  | { kind: 'file'; source: ImportSource }
  | { kind: 'parsed'; name: string; format: ImportFormat | 'json'; documents: AsyncIterable<ImportedDocument> | Iterable<ImportedDocument> };

export interface FileReport {
  file: string;
  format: ImportFormat | 'json';
  documents: number;
  spans: number;
  relations: number;
  documentLabels: number;
  duplicatesSkipped: { name: string; sha256: string; existingDocumentId: string | null }[];
  unknownLabelsSkipped: Record<string, number>;
  /** What the format's parser read and could not keep (ImportedDocument.skipped), summed over the file. */
  formatSkipped: Record<string, number>;
}

export interface ImportReport {
  documents: { id: string; name: string }[];
  documentCount: number;
  files: FileReport[];
}

const CHUNK = 200;
const MAX_PROBLEMS = 100;
const LISTED_DOCUMENTS = 1000;

export function importRejected(problems: Problem[]): HttpError {
  const details = problems.map((p) => ({ file: p.location.file, line: p.location.line, record: p.location.record, reason: p.reason }));
  const first = problems[0]!;
  const where = `${first.location.file}${first.location.line ? `:${first.location.line}` : first.location.record !== undefined ? ` record ${first.location.record}` : ''}`;
  return new HttpError(
    422,
    'import_rejected',
    `Nothing was imported: ${problems.length}${problems.length >= MAX_PROBLEMS ? '+' : ''} problem(s), the first at ${where}: ${first.reason}`,
    details,
  );
}

export async function importBatch(db: PrismaClient, inputs: ImportInput[], options: ImportOptions): Promise<ImportReport> {
  return db.$transaction(
    async (tx) => {
      const project = await tx.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { allowOverlap: true } });
      const lookup = await SchemaLookup.load(tx, options.projectId, options.labelMap);
      const author = await authorResolver(tx, options);
      const known = new Map((await tx.document.findMany({ where: { projectId: options.projectId }, select: { id: true, sha256: true } })).map((d) => [d.sha256, d.id as string | null]));
      const last = await tx.document.aggregate({ where: { projectId: options.projectId }, _max: { position: true } });
      let position = (last._max.position ?? -1) + 1;

      const problems: Problem[] = [];
      const report: ImportReport = { documents: [], documentCount: 0, files: [] };
      let pending: (PreparedDocument & { tokens: StoredDocumentTokens })[] = [];
      const flush = async () => {
        if (problems.length === 0 && pending.length > 0) await writeChunk(tx, pending, options);
        pending = [];
      };

      for (const input of inputs) {
        if (problems.length >= MAX_PROBLEMS) break;
        try {
          const { name, format, documents } = await open(input, options);
          const file: FileReport = { file: name, format, documents: 0, spans: 0, relations: 0, documentLabels: 0, duplicatesSkipped: [], unknownLabelsSkipped: {}, formatSkipped: {} };
          report.files.push(file);
          for await (const parsed of documents) {
            const prepared = prepareDocument(pinSourceLabels(parsed, options.labelMap), {
              projectId: options.projectId,
              lookup,
              allowOverlap: project.allowOverlap,
              origin: options.origin ?? 'IMPORTED',
              unknownLabels: options.unknownLabels ?? 'reject',
              author,
            });
            if (!prepared.ok) {
              problems.push(...prepared.problems);
              if (problems.length >= MAX_PROBLEMS) break;
              continue;
            }
            for (const label of prepared.skippedLabels) file.unknownLabelsSkipped[label] = (file.unknownLabelsSkipped[label] ?? 0) + 1;
            for (const [what, count] of Object.entries(parsed.skipped ?? {})) file.formatSkipped[what] = (file.formatSkipped[what] ?? 0) + count;
            const { document } = prepared.rows;
            if (known.has(document.sha256) && !options.allowDuplicates) {
              file.duplicatesSkipped.push({ name: document.name, sha256: document.sha256, existingDocumentId: known.get(document.sha256) ?? null });
              continue;
            }
            known.set(document.sha256, document.id!);
            pending.push({ ...prepared.rows, document: { ...document, position: position++ }, tokens: importedTokens(document.id!, parsed.text, document.text, parsed.sourceTokens) });
            file.documents += 1;
            file.spans += prepared.rows.annotations.length;
            file.relations += prepared.rows.relations.length;
            file.documentLabels += prepared.rows.documentLabels.length;
            report.documentCount += 1;
            if (report.documents.length < LISTED_DOCUMENTS) report.documents.push({ id: document.id!, name: document.name });
            if (pending.length >= CHUNK) await flush();
          }
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          problems.push({ location: error.location, reason: error.reason });
        }
      }
      await flush();
      if (problems.length > 0) throw importRejected(problems.slice(0, MAX_PROBLEMS));
      return report;
    },
    { timeout: 60 * 60_000, maxWait: 30_000 },
  );
}

async function writeChunk(db: DbClient, chunk: (PreparedDocument & { tokens: StoredDocumentTokens })[], options: ImportOptions): Promise<void> {
  const documents = chunk.map((c) => c.document);
  const annotations = chunk.flatMap((c) => c.annotations);
  const relations = chunk.flatMap((c) => c.relations);
  const documentLabels = chunk.flatMap((c) => c.documentLabels);
  await db.document.createMany({ data: documents });
  // Stored once here because texts never change and agreement and CoNLL/HF exports need them.
  await writeTokens(db, chunk.map((c) => c.tokens));
  if (annotations.length) await db.annotation.createMany({ data: annotations });
  if (relations.length) await db.relation.createMany({ data: relations });
  if (documentLabels.length) await db.documentLabel.createMany({ data: documentLabels });
  const event = (entity: 'ANNOTATION' | 'RELATION' | 'DOCUMENT_LABEL', row: { id?: string; documentId: string }) => ({
    projectId: options.projectId,
    documentId: row.documentId,
    actorId: options.actorId,
    entity,
    entityId: row.id!,
    action: 'CREATE' as const,
    after: row as unknown as Prisma.InputJsonObject,
  });
  const events = [
    ...annotations.map((row) => event('ANNOTATION', row)),
    ...relations.map((row) => event('RELATION', row)),
    ...documentLabels.map((row) => event('DOCUMENT_LABEL', row)),
  ];
  if (events.length) await db.event.createMany({ data: events });
}

async function open(input: ImportInput, options: ImportOptions) {
  if (input.kind === 'parsed') return input;
  const { format, source } = await resolveFormat(input.source, options.format);
  return { name: input.source.name, format, documents: parseSource(source, format, options.parse) };
}

async function resolveFormat(source: ImportSource, format: ImportFormat | undefined): Promise<{ format: ImportFormat; source: ImportSource }> {
  if (format) return { format, source };
  // Peek at the first chunk for detection, then replay it so the parser still sees the whole stream.
  const iterator = source.stream()[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? new Uint8Array() : first.value;
  let replayed = false;
  const replay: ImportSource = {
    name: source.name,
    stream: () => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          if (!replayed) {
            replayed = true;
            return first.done ? first : { done: false, value: head };
          }
          return iterator.next();
        },
      }),
    }),
  };
  return { format: detectFormat(source.name, head), source: replay };
}

async function authorResolver(db: DbClient, options: ImportOptions): Promise<(source: string | undefined) => string | null | { error: string }> {
  const fallback = options.author.kind === 'gold' ? null : options.author.userId;
  if (!options.keepSourceAuthors) return () => fallback;
  const members = await db.membership.findMany({ where: { projectId: options.projectId }, select: { user: { select: { id: true, email: true } } } });
  const byKey = new Map<string, string>();
  for (const { user } of members) {
    byKey.set(user.id, user.id);
    byKey.set(user.email.toLowerCase(), user.id);
  }
  return (source) => {
    if (source === undefined) return fallback;
    if (source === 'gold') return null;
    return byKey.get(source.toLowerCase()) ?? { error: `author "${source}" is not a member of this project (use a member id or e-mail, or "gold")` };
  };
}
