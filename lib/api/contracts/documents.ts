import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { pageOf, pageQuery } from '@/lib/api/paging';
import { id, idParams, timestamp } from '@/lib/api/schemas';
import { MAX_LISTED_PROBLEMS } from '@/lib/import/limits';
import { importQuery, jsonImportBody } from '@/lib/import/query';

const importRejection = z.object({
  problems: z
    .array(
      z.object({
        file: z.string(),
        line: z.number().int().optional(),
        record: z.number().int().optional(),
        reason: z.string().describe('what is wrong, naming the format variant and the fix'),
      }),
    )
    .describe(`the first ${MAX_LISTED_PROBLEMS} problems, in the order found`),
  problemsTotal: z.number().int().describe('every problem found; more than the problems listed when the list was cut off'),
});

const documentSummary = z.object({
  id,
  name: z.string(),
  sha256: z.string(),
  metadata: z.unknown().describe('JSON object: source, date, url, author …'),
  position: z.number().int(),
  createdAt: timestamp,
});
const documentWithText = documentSummary.extend({ projectId: id, text: z.string().describe('NFC, \\n line endings; offsets are code points into it') });

const duplicateItems = { spans: z.number().int(), relations: z.number().int(), answers: z.number().int() };
const fileReport = z.object({
  file: z.string(),
  format: z.string(),
  documents: z.number().int(),
  spans: z.number().int(),
  relations: z.number().int(),
  documentLabels: z.number().int(),
  duplicatesSkipped: z
    .array(z.object({ name: z.string(), sha256: z.string(), existingDocumentId: z.string().nullable(), ...duplicateItems }))
    .describe('duplicates left out, with the spans, relations and answers they carried (not stored anywhere)'),
  skippedWithDuplicates: z.object(duplicateItems).describe('what all skipped duplicates of the file carried'),
  duplicatesMerged: z
    .array(z.object({ name: z.string(), sha256: z.string(), documentId: id, ...duplicateItems }))
    .describe('duplicates whose annotations went onto the document with their text (duplicates=merge), with what each added'),
  unknownLabelsSkipped: z.record(z.string(), z.number().int()),
  formatSkipped: z
    .record(z.string(), z.number().int())
    .describe('what the format parser read and could not keep (CoNLL-U empty nodes, TSV chain links, …), by kind'),
  variants: z.array(z.string()).describe('the variants of the format read, e.g. "label-studio 0.x (completions)", "doccano 1.x ("data", "annotations")"'),
  encoding: z.string().optional().describe('the text encoding the file was read in'),
  notes: z
    .record(z.string(), z.number().int())
    .describe('how the parser read what the source left open (offset unit, label ids mapped), by note, counted in documents'),
});
const importReport = z.object({
  documents: z.array(z.object({ id, name: z.string() })).describe('the created documents (the first 1,000)'),
  documentCount: z.number().int(),
  mergedDocumentCount: z.number().int().describe('documents that merged duplicates added annotations to'),
  files: z.array(fileReport),
});

export const listDocuments = defineContract({
  method: 'GET',
  path: '/projects/{id}/documents',
  tag: 'documents',
  summary: 'List the documents of a project in order (without their text)',
  params: idParams,
  query: pageQuery,
  response: pageOf(documentSummary),
  errors: [404],
});

export const importDocuments = defineContract({
  method: 'POST',
  path: '/projects/{id}/documents',
  tag: 'documents',
  summary:
    'Import documents, optionally with annotations, in one transaction: JSON { documents }, a JSONL ' +
    'body (?format=glossa|doccano|label-studio|jsonl), or multipart "file" fields (txt, md, html, ' +
    'docx, pdf, csv, jsonl, glossa, doccano, label-studio, brat, conll). Any invalid record rejects ' +
    'the whole batch (422). The body is read whole before anything is written, within the upload ' +
    'limits: 413 past a size limit, 408 when the client stops sending, 422 naming any structural ' +
    'limit (README, Configuration), 409 when another import stored one of its texts meanwhile.',
  params: idParams,
  query: importQuery,
  rawBody: { 'application/json': jsonImportBody, 'application/x-ndjson': 'binary', 'multipart/form-data': 'binary' },
  response: importReport,
  status: 201,
  errors: [403, 404, 408, 409, 413, 422],
  errorDetails: { 422: importRejection },
});

export const readDocument = defineContract({
  method: 'GET',
  path: '/documents/{id}',
  tag: 'documents',
  summary: 'A document with its text',
  params: idParams,
  response: documentWithText,
  errors: [404],
});

export const deleteDocument = defineContract({
  method: 'DELETE',
  path: '/documents/{id}',
  tag: 'documents',
  summary: 'Withdraw a document from the project (its annotations and history are kept)',
  params: idParams,
  status: 204,
  errors: [403, 404],
});

export const renameDocument = defineContract({
  method: 'PATCH',
  path: '/documents/{id}',
  tag: 'documents',
  summary: 'Rename a document (an event with the name before and after)',
  params: idParams,
  body: z.object({ name: z.string().trim().min(1).max(500) }).strict(),
  response: z.object({ id, name: z.string() }),
  errors: [400, 403, 404],
});
