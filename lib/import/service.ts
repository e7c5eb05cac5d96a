import type { PrismaClient, DbClient } from '@/lib/db/client';
import type { Origin } from '@/lib/generated/prisma/enums';
import { importedTokens } from '@/lib/documents/tokens';
import { guardDocument } from './guard';
import { importLimits, type ImportLimits } from './limits';
import { layersOf, ontoDocument, refusedMerges, type MergeTarget } from './merge';
import { detectFormat, parseBratPair, parseSource } from './parsers';
import { decodedSource } from './parsers/encoding';
import { prepareDocument, type Prepared, type Problem } from './prepare';
import { ProblemList } from './problems';
import { SchemaLookup } from './schema-lookup';
import { pinSourceLabels } from './source-labels';
import { Spool } from './spool';
import { StagingWriter } from './staging';
import { writeStaged } from './write';
import { ImportError, type ImportedDocument, type ImportFormat, type ImportSource, type ParseOptions } from './types';

/**
 * A batch import: every file of one request, command or upload, stored in ONE
 * transaction. It runs in two phases. First every document is parsed (as a stream),
 * checked against the import limits and the project schema, and staged to a
 * temporary file; any invalid record rejects the whole batch with a report of every
 * problem found (the first MAX_LISTED_PROBLEMS listed, all counted), before anything is written. Only then does the
 * write transaction (lib/import/write.ts) start, read the staged rows back in chunks and store them, within
 * GLOSSA_IMPORT_WRITE_SECONDS: no transaction ever waits on a client or a parser, and
 * large batches never sit in memory.
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
  /** A text the project already has: import it as a new document anyway. */
  allowDuplicates?: boolean;
  /** A text the project (or the batch) already has: add its annotations to that document (lib/import/merge.ts). */
  mergeDuplicates?: boolean;
  origin?: Extract<Origin, 'IMPORTED' | 'SUGGESTED'>;
  /** Aborted when the client disconnects: parsing stops at the next document or chunk. */
  signal?: AbortSignal;
}

/** A file to parse, a brat `.txt` + `.ann` pair, or documents that arrived already structured (the JSON request body). */
export type ImportInput =
  | { kind: 'file'; source: ImportSource }
  | { kind: 'brat-pair'; txt: ImportSource; ann: ImportSource }
  | { kind: 'parsed'; name: string; format: ImportFormat | 'json'; documents: AsyncIterable<ImportedDocument> | Iterable<ImportedDocument> };

interface FileReport {
  file: string;
  format: ImportFormat | 'json';
  documents: number;
  spans: number;
  relations: number;
  documentLabels: number;
  /** Duplicates left out, with what they carried: their annotations are not stored anywhere. */
  duplicatesSkipped: (DuplicateItems & { name: string; sha256: string; existingDocumentId: string | null })[];
  /** What all of `duplicatesSkipped` carried. */
  skippedWithDuplicates: DuplicateItems;
  /** Duplicates whose annotations were added to the document with their text (`mergeDuplicates`); counted in spans, relations, documentLabels. */
  duplicatesMerged: (DuplicateItems & { name: string; sha256: string; documentId: string })[];
  unknownLabelsSkipped: Record<string, number>;
  /** What the format's parser read and could not keep (ImportedDocument.skipped), summed over the file. */
  formatSkipped: Record<string, number>;
  /** The variants of the format the parser read (ImportedDocument.variant), e.g. "label-studio 0.x (completions)". */
  variants: string[];
  /** The text encoding the file was read in; absent for structured inputs (JSON body, brat pairs). */
  encoding?: string;
  /** How the parser read what the source left open (ImportedDocument.notes), counted over the file's documents. */
  notes: Record<string, number>;
}

interface DuplicateItems {
  spans: number;
  relations: number;
  answers: number;
}

export interface ImportReport {
  documents: { id: string; name: string }[];
  documentCount: number;
  /** Documents (stored or new in this batch) that merged duplicates added annotations to. */
  mergedDocumentCount: number;
  files: FileReport[];
}

const LISTED_DOCUMENTS = 1000;

export async function importBatch(db: PrismaClient, inputs: ImportInput[], options: ImportOptions): Promise<ImportReport> {
  const limits = importLimits();
  const spool = await Spool.create();
  try {
    const { report, staged } = await checkBatch(db, inputs, options, limits, spool.nextPath());
    if (report.documentCount > 0 || report.mergedDocumentCount > 0) await writeStaged(db, staged, options, limits.writeMs);
    return report;
  } finally {
    await spool.dispose();
  }
}

interface CheckedBatch {
  report: ImportReport;
  staged: string;
}

/**
 * Parses, checks and stages every document without holding a database connection beyond the
 * few reads that describe the project: any problem rejects the batch here, before a write.
 */
async function checkBatch(db: PrismaClient, inputs: ImportInput[], options: ImportOptions, limits: ImportLimits, stagingFile: string): Promise<CheckedBatch> {
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { allowOverlap: true } });
  const lookup = await SchemaLookup.load(db, options.projectId, options.labelMap);
  const author = await authorResolver(db, options);
  // Withdrawn documents are not in the project any more, so they are no duplicates.
  const existing = await db.document.findMany({ where: { projectId: options.projectId, deletedAt: null }, select: { id: true, sha256: true } });
  const known = new Map(existing.map((d) => [d.sha256, d.id]));
  const createdHere = new Set<string>();

  const problems = new ProblemList();
  const report: ImportReport = { documents: [], documentCount: 0, mergedDocumentCount: 0, files: [] };
  // Which layers each document of this batch, or merged onto, gets: a second merge into one is refused as a stored one is.
  const layers = new Map<string, Set<string | null>>();
  const storedTargets: (MergeTarget & { location: Problem['location'] })[] = [];
  const mergedDocuments = new Set<string>();
  const staging = new StagingWriter(stagingFile);
  try {
    for (const input of inputs) {
      try {
        // A bad record of a line-oriented file is reported and the next one read, so every bad line is listed.
        const { name, format, documents, encoding } = await open(input, options, (error) => problems.add({ location: error.location, reason: error.reason }));
        const file: FileReport = {
          file: name,
          format,
          documents: 0,
          spans: 0,
          relations: 0,
          documentLabels: 0,
          duplicatesSkipped: [],
          skippedWithDuplicates: { spans: 0, relations: 0, answers: 0 },
          duplicatesMerged: [],
          unknownLabelsSkipped: {},
          formatSkipped: {},
          variants: [],
          notes: {},
        };
        report.files.push(file);
        for await (const parsed of documents) {
          // The client that sent the upload is gone: stop working for it.
          options.signal?.throwIfAborted();
          const guarded = guardDocument(parsed, limits);
          const prepared: Prepared =
            guarded.length > 0
              ? { ok: false, problems: guarded }
              : prepareDocument(pinSourceLabels(parsed, options.labelMap), {
                  projectId: options.projectId,
                  lookup,
                  allowOverlap: project.allowOverlap,
                  origin: options.origin ?? 'IMPORTED',
                  unknownLabels: options.unknownLabels ?? 'reject',
                  author,
                });
          if (!prepared.ok) {
            problems.add(...prepared.problems);
            continue;
          }
          for (const label of prepared.skippedLabels) file.unknownLabelsSkipped[label] = (file.unknownLabelsSkipped[label] ?? 0) + 1;
          for (const [what, count] of [...Object.entries(parsed.skipped ?? {}), ...Object.entries(prepared.skipped)])
            file.formatSkipped[what] = (file.formatSkipped[what] ?? 0) + count;
          for (const note of parsed.notes ?? []) file.notes[note] = (file.notes[note] ?? 0) + 1;
          if (parsed.variant !== undefined && !file.variants.includes(parsed.variant)) file.variants.push(parsed.variant);
          const { document } = prepared.rows;
          const items = { spans: prepared.rows.annotations.length, relations: prepared.rows.relations.length, answers: prepared.rows.documentLabels.length };
          const existingId = known.get(document.sha256);
          if (existingId !== undefined && options.mergeDuplicates) {
            const rows = ontoDocument(prepared.rows, existingId);
            const target = { documentId: existingId, name: document.name, authorIds: layersOf(rows) };
            const taken = layers.get(existingId) ?? new Set();
            const clash = target.authorIds.find((authorId) => taken.has(authorId));
            if (clash !== undefined) {
              problems.add({
                location: parsed.location,
                reason:
                  `document "${document.name}" has the same text as an earlier document of this import, and ` +
                  `${clash === null ? 'the gold layer' : `the layer of member ${clash}`} already gets annotations ` +
                  `there; layers are not mixed, so import each annotator's work into their own layer ` +
                  `(author=<member id>)`,
              });
              continue;
            }
            for (const authorId of target.authorIds) taken.add(authorId);
            layers.set(existingId, taken);
            if (!createdHere.has(existingId)) storedTargets.push({ ...target, location: parsed.location });
            if (problems.total === 0 && target.authorIds.length > 0) await staging.add({ merge: { documentId: existingId, name: document.name }, rows });
            file.duplicatesMerged.push({ name: document.name, sha256: document.sha256, documentId: existingId, ...items });
            file.spans += items.spans;
            file.relations += items.relations;
            file.documentLabels += items.answers;
            if (!mergedDocuments.has(existingId)) report.mergedDocumentCount += 1;
            mergedDocuments.add(existingId);
            continue;
          }
          if (existingId !== undefined && !options.allowDuplicates) {
            file.duplicatesSkipped.push({ name: document.name, sha256: document.sha256, existingDocumentId: existingId, ...items });
            file.skippedWithDuplicates.spans += items.spans;
            file.skippedWithDuplicates.relations += items.relations;
            file.skippedWithDuplicates.answers += items.answers;
            continue;
          }
          known.set(document.sha256, document.id!);
          createdHere.add(document.id!);
          layers.set(document.id!, new Set(layersOf(prepared.rows)));
          // Once a problem is found nothing will be written; checking goes on only to report the rest.
          if (problems.total === 0)
            await staging.add({ rows: prepared.rows, tokens: importedTokens(document.id!, parsed.text, document.text, parsed.sourceTokens) });
          file.documents += 1;
          file.spans += prepared.rows.annotations.length;
          file.relations += prepared.rows.relations.length;
          file.documentLabels += prepared.rows.documentLabels.length;
          report.documentCount += 1;
          if (report.documents.length < LISTED_DOCUMENTS) report.documents.push({ id: document.id!, name: document.name });
        }
        const used = encoding?.();
        if (used !== undefined) file.encoding = used;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        problems.add({ location: error.location, reason: error.reason });
      }
    }
  } finally {
    await staging.close();
  }
  if (problems.total === 0) {
    for (const { target, reason } of await refusedMerges(db, storedTargets)) problems.add({ location: target.location, reason });
  }
  if (problems.total > 0) throw problems.rejection();
  return { report, staged: stagingFile };
}

// Formats the encoding option is not applied to: docx and pdf state their own encoding, and brat
// input is read from pairs and archives by its own reader (UTF-8, as brat writes it).
const UNDECODED_FORMATS: readonly string[] = ['docx', 'pdf', 'brat'];

async function open(input: ImportInput, options: ImportOptions, onProblem: (problem: ImportError) => void) {
  const stated = options.parse?.encoding;
  const refuseEncoding = (file: string, format: string) => {
    if (stated !== undefined && stated !== 'utf-8' && UNDECODED_FORMATS.includes(format)) {
      throw new ImportError(
        { file },
        `the encoding option (${stated}) is not applied to ${format} input ` +
          `(${format === 'brat' ? 'brat files are read as UTF-8' : 'the file states its own encoding'}); ` +
          `leave it out for this upload`,
      );
    }
  };
  if (input.kind === 'parsed') {
    refuseEncoding(input.name, input.format);
    return { ...input, encoding: undefined };
  }
  if (input.kind === 'brat-pair') {
    const name = `${input.txt.name} + ${input.ann.name}`;
    refuseEncoding(name, 'brat');
    return { name, format: 'brat' as const, documents: parseBratPair(input.txt, input.ann, onProblem), encoding: undefined };
  }
  const decoded = decodedSource(input.source, stated);
  const { format, source } = await resolveFormat(decoded.source, options.format);
  refuseEncoding(input.source.name, format);
  return {
    name: input.source.name,
    format,
    documents: parseSource(source, format, { ...options.parse, labelMap: options.labelMap, onProblem }),
    encoding: decoded.encoding,
  };
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
