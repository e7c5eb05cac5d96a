import { authorizeProject, type ProjectAccess } from '@/lib/access/project-access';
import type { ProjectAction } from '@/lib/access/policy';
import type { Caller } from '@/lib/auth/caller';
import type { PrismaClient } from '@/lib/db/client';
import { defineEndpoint } from '@/lib/api/endpoint';
import { HttpError, notFound, unsupportedMediaType } from '@/lib/http/errors';
import { readGazetteer } from '@/lib/recommenders/gazetteer';
import { cancelRun, createRun, findRun } from '@/lib/recommenders/runs';
import { createRecommender, deleteRecommender, findRecommender, listRecommenders, updateRecommender } from '@/lib/recommenders/store';
import * as contract from '@/lib/api/contracts/recommenders';

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
  ...contract.listRecommenders,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'recommenders:read');
    return { items: await listRecommenders(db, params.id), nextCursor: null };
  },
});

export const createRecommenderEndpoint = defineEndpoint({
  ...contract.createRecommender,
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'recommenders:manage');
    return createRecommender(db, params.id, caller.userId, body as Parameters<typeof createRecommender>[3]);
  },
});

export const updateRecommenderEndpoint = defineEndpoint({
  ...contract.updateRecommender,
  async handle({ db, caller, params, body }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    return updateRecommender(db, params.id, caller.userId, body as Parameters<typeof updateRecommender>[3]);
  },
});

export const deleteRecommenderEndpoint = defineEndpoint({
  ...contract.deleteRecommender,
  async handle({ db, caller, params }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    await deleteRecommender(db, params.id, caller.userId);
  },
});

export const uploadGazetteerEndpoint = defineEndpoint({
  ...contract.uploadGazetteer,
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
  ...contract.createRun,
  async handle({ db, caller, params, body }) {
    await authorizeRecommender(db, caller, params.id, 'recommenders:manage');
    const created = await createRun(db, params.id, caller.userId, body.documentIds);
    return findRun(db, created.id);
  },
});

export const getRunEndpoint = defineEndpoint({
  ...contract.getRun,
  async handle({ db, caller, params }) {
    await authorizeRun(db, caller, params.id, 'recommenders:read');
    return findRun(db, params.id);
  },
});

export const cancelRunEndpoint = defineEndpoint({
  ...contract.cancelRun,
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
