import { z } from 'zod';
import { authorizeProject, type ProjectAccess } from '@/lib/access/project-access';
import type { ProjectAction } from '@/lib/access/policy';
import type { Caller } from '@/lib/auth/caller';
import type { PrismaClient } from '@/lib/db/client';
import { defineEndpoint } from '@/lib/api/endpoint';
import { id, idParams, timestamp } from '@/lib/api/schemas';
import { HttpError, notFound, unsupportedMediaType } from '@/lib/http/errors';
import { LAYERS } from '@/lib/schema/types';
import { readGazetteer } from '@/lib/recommenders/gazetteer';
import { cancelRun, createRun, findRun } from '@/lib/recommenders/runs';
import { createRecommender, deleteRecommender, findRecommender, listRecommenders, updateRecommender } from '@/lib/recommenders/store';
import { KINDS } from '@/lib/recommenders/types';

/** Recommenders (issue #18): managers configure and run them; every member sees them and where they send text. */
const layer = z.enum(LAYERS.filter((l) => l !== 'RELATION') as [string, ...string[]]);
const name = z.string().trim().min(1).max(200);
const labels = z.array(z.string().min(1).max(100)).max(500);
const config = z.record(z.string(), z.unknown());

const recommender = z.object({
  id,
  projectId: id,
  kind: z.enum(KINDS),
  name: z.string(),
  layers: z.array(z.string()),
  labels: z.array(z.string()),
  config: config.describe('the kind’s settings; an API key is only ever named (apiKeyEnv), never stored'),
  enabled: z.boolean(),
  gazetteerEntries: z.number().int(),
  sendsTextTo: z.string().nullable().describe('where this recommender sends document text (openai, http); null for the offline kinds'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const recommenderCreate = z
  .object({
    kind: z
      .enum(KINDS)
      .describe(
        'string-match, compromise (offline), openai (Chat Completions), or http: Glossa POSTs {text, schema} to config.url and expects ' +
          '{spans:[{start,end,label,target?,score?}]} with code-point offsets',
      ),
    name,
    layers: z.array(layer).max(4).optional(),
    labels: labels.optional(),
    config: config.optional(),
  })
  .strict();

const recommenderUpdate = z
  .object({
    name: name.optional(),
    layers: z.array(layer).max(4).optional(),
    labels: labels.optional(),
    config: config.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

const run = z.object({
  id,
  recommenderId: id,
  projectId: id,
  trigger: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']),
  documents: z.number().int(),
  documentsDone: z.number().int(),
  documentsFailed: z.number().int(),
  suggestionsCount: z.number().int(),
  dropped: z.record(z.string(), z.number()).describe('proposals not kept, by reason'),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  message: z.string().nullable(),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});

/** A recommender's project and the caller's rights there; one you cannot see does not exist. */
async function authorizeRecommender(db: PrismaClient, caller: Caller, recommenderId: string, action: ProjectAction): Promise<ProjectAccess> {
  const found = await findRecommender(db, recommenderId);
  return asNotFound('Recommender', () => authorizeProject(db, caller, found.projectId, action));
}

async function authorizeRun(db: PrismaClient, caller: Caller, runId: string, action: ProjectAction): Promise<ProjectAccess> {
  const found = await db.recommenderRun.findUnique({ where: { id: runId }, select: { projectId: true } });
  if (!found) throw notFound('Run');
  return asNotFound('Run', () => authorizeProject(db, caller, found.projectId, action));
}

async function asNotFound<T>(what: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw notFound(what);
    throw error;
  }
}

export const listRecommendersEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/recommenders',
  tag: 'recommenders',
  summary: "The project's recommenders, with where each sends document text",
  params: idParams,
  response: z.object({ items: z.array(recommender), nextCursor: z.null() }),
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'recommenders:read');
    return { items: await listRecommenders(db, params.id), nextCursor: null };
  },
});

export const createRecommenderEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects/{id}/recommenders',
  tag: 'recommenders',
  summary: 'Add a recommender (managers). A URL outside GLOSSA_RECOMMENDER_HOSTS, when set, is refused (422)',
  params: idParams,
  body: recommenderCreate,
  response: recommender,
  status: 201,
  errors: [403, 404, 422],
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'recommenders:manage');
    return createRecommender(db, params.id, caller.userId, body as Parameters<typeof createRecommender>[3]);
  },
});

export const updateRecommenderEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/recommenders/{id}',
  tag: 'recommenders',
  summary: 'Change a recommender (managers); config is replaced whole',
  params: idParams,
  body: recommenderUpdate,
  response: recommender,
  errors: [403, 404, 422],
  async handle({ db, caller, params, body }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    return updateRecommender(db, params.id, caller.userId, body as Parameters<typeof updateRecommender>[3]);
  },
});

export const deleteRecommenderEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/recommenders/{id}',
  tag: 'recommenders',
  summary: 'Delete a recommender (managers); its runs stay for evaluation',
  params: idParams,
  status: 204,
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    await deleteRecommender(db, params.id, caller.userId);
  },
});

export const uploadGazetteerEndpoint = defineEndpoint({
  method: 'POST',
  path: '/recommenders/{id}/gazetteer',
  tag: 'recommenders',
  summary: 'Replace a string-match recommender’s gazetteer: CSV text,label (header optional), at most 100,000 entries, 8 MB',
  params: idParams,
  rawBody: { 'text/csv': 'binary' },
  response: z.object({ entries: z.number().int(), duplicates: z.number().int().describe('repeated rows, kept once') }),
  errors: [403, 404, 409, 413, 415, 422],
  async handle({ db, caller, params, request }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    const found = await findRecommender(db, params.id);
    if (found.kind !== 'string-match') throw new HttpError(409, 'conflict', `Only string-match recommenders take a gazetteer; this one is ${found.kind}.`);
    const type = request.headers.get('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type)) throw unsupportedMediaType(`Send the gazetteer as text/csv, not "${type || 'none'}".`);
    const keys = new Set(
      (
        await db.label.findMany({ where: { projectId: found.projectId, retired: false, layer: { in: ['ENTITY', 'STANCE', 'FRAME'] } }, select: { key: true } })
      ).map((l) => l.key),
    );
    const { entries, duplicates } = await readGazetteer(request.body, keys);
    await updateRecommender(db, params.id, caller.userId, { gazetteer: entries });
    return { entries: entries.length, duplicates };
  },
});

export const createRunEndpoint = defineEndpoint({
  method: 'POST',
  path: '/recommenders/{id}/runs',
  tag: 'recommenders',
  summary: 'Start a batch run over the project, or over documentIds (managers); answers the run to poll',
  params: idParams,
  body: z.object({ documentIds: z.array(id).min(1).max(200_000).optional() }).strict(),
  response: run,
  status: 201,
  errors: [403, 404, 409],
  async handle({ db, caller, params, body }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    const created = await createRun(db, params.id, caller.userId, body.documentIds);
    return findRun(db, created.id);
  },
});

export const getRunEndpoint = defineEndpoint({
  method: 'GET',
  path: '/runs/{id}',
  tag: 'recommenders',
  summary: 'A run’s progress: documents done and failed, suggestions, proposals dropped by reason, tokens, message',
  params: idParams,
  response: run,
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeRun(db, caller, params.id, 'recommenders:read');
    return findRun(db, params.id);
  },
});

export const cancelRunEndpoint = defineEndpoint({
  method: 'POST',
  path: '/runs/{id}/cancel',
  tag: 'recommenders',
  summary: 'Cancel a queued or running run (managers); what was stored stays',
  params: idParams,
  response: run,
  errors: [403, 404, 409],
  async handle({ db, caller, params }) {
    await authorizeRun(db, caller, params.id, 'recommenders:manage');
    return cancelRun(db, params.id, caller.userId);
  },
});

export const recommenderEndpoints = [
  listRecommendersEndpoint,
  createRecommenderEndpoint,
  updateRecommenderEndpoint,
  deleteRecommenderEndpoint,
  uploadGazetteerEndpoint,
  createRunEndpoint,
  getRunEndpoint,
  cancelRunEndpoint,
];
