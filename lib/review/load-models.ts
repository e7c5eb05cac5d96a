import type { PrismaClient } from '@/lib/db/client';
import { validationFailed } from '@/lib/http/errors';
import { isSpanLayer } from '@/lib/schema/types';
import type { ReportAnswer, ReportSpan } from './input';
import { modelCoderId, modelCoderName, type ModelCoder, type ModelWork } from './model-coders';

/** Which recommender runs join the report as coders: none, every finished run, or the runs named. */
export type ModelSelection = 'none' | 'all' | string[];

/**
 * Loads the selected runs and their suggestions. Only finished runs (SUCCEEDED) are evaluated:
 * a running or failed run has not covered its documents, and would count as a coder who missed
 * what it never looked at. A run names its documents; one that names none ran over the whole
 * project, so it covered every document that existed when it was started. Documents the
 * recommender failed on (RecommenderRunDocument.failed) are not covered either: the model gave
 * no answer there, which is not the same as finding no spans.
 */
export async function loadModels(db: PrismaClient, projectId: string, selection: ModelSelection): Promise<ModelWork> {
  const none: ModelWork = { coders: [], spans: new Map(), answers: new Map() };
  if (selection === 'none') return none;
  const runs = await db.recommenderRun.findMany({
    where: { projectId, ...(selection === 'all' ? { status: 'SUCCEEDED', recommender: { deletedAt: null } } : { id: { in: selection } }) },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      recommenderId: true,
      status: true,
      documentIds: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      recommender: { select: { name: true } },
    },
  });
  if (selection !== 'all') assertSelectable(selection, runs);
  if (runs.length === 0) return none;
  const [documents, labels, targets, suggestions, failures] = await Promise.all([
    db.document.findMany({ where: { projectId, deletedAt: null }, select: { id: true, createdAt: true } }),
    db.label.findMany({ where: { projectId }, select: { id: true, key: true, layer: true } }),
    db.target.findMany({ where: { projectId }, select: { id: true, key: true } }),
    db.suggestion.findMany({
      where: { runId: { in: runs.map((r) => r.id) } },
      select: { runId: true, documentId: true, labelId: true, targetId: true, start: true, end: true, values: true },
    }),
    db.recommenderRunDocument.findMany({ where: { runId: { in: runs.map((r) => r.id) }, failed: true }, select: { runId: true, documentId: true } }),
  ]);
  const failed = new Set(failures.map((f) => `${f.runId}|${f.documentId}`));
  const coders: ModelCoder[] = runs.map((run) => {
    const began = run.startedAt ?? run.createdAt;
    const named = run.documentIds.length > 0 ? run.documentIds : documents.filter((d) => d.createdAt <= began).map((d) => d.id);
    const documentIds = named.filter((id) => !failed.has(`${run.id}|${id}`));
    return { id: modelCoderId(run.id), name: modelCoderName(run.recommender.name, run), runId: run.id, recommenderId: run.recommenderId, documentIds };
  });
  const labelById = new Map(labels.map((l) => [l.id, l]));
  const targetKey = new Map(targets.map((t) => [t.id, t.key]));
  const work: ModelWork = { coders, spans: new Map(), answers: new Map() };
  // Two suggestions of one run with the same span (e.g. from overlapping chunks) are one span of the model.
  const seen = new Set<string>();
  for (const s of suggestions) {
    const label = labelById.get(s.labelId);
    const key = `${s.runId}|${s.documentId}|${s.labelId}|${s.targetId}|${s.start}|${s.end}|${s.values.join(',')}`;
    if (!label || seen.has(key)) continue;
    seen.add(key);
    const author = modelCoderId(s.runId);
    const target = s.targetId ? targetKey.get(s.targetId) : undefined;
    if (s.start !== null && s.end !== null && isSpanLayer(label.layer)) {
      push<ReportSpan>(work.spans, s.documentId, { author, start: s.start, end: s.end, label: label.key, layer: label.layer, ...(target ? { target } : {}) });
    } else if (label.layer === 'DOCUMENT') {
      push<ReportAnswer>(work.answers, s.documentId, { author, question: label.key, values: s.values, ...(target ? { target } : {}) });
    }
  }
  return work;
}

/** Named runs must be this project's and finished; the first that is not is named. */
function assertSelectable(ids: string[], runs: { id: string; status: string }[]) {
  for (const id of ids) {
    const run = runs.find((r) => r.id === id);
    if (!run)
      throw validationFailed(`query.models: run ${id} is not a recommender run of this project.`, [{ path: 'query.models', message: `unknown run ${id}` }]);
    if (run.status !== 'SUCCEEDED')
      throw validationFailed(`query.models: run ${id} is ${run.status}; only finished (SUCCEEDED) runs are evaluated.`, [
        { path: 'query.models', message: `run ${id} is ${run.status}` },
      ]);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
