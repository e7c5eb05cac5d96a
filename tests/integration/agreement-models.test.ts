import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { methodsParagraph } from '@/lib/review/methods/paragraph';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { makeRecommender, makeRun, suggest } from '../support/suggestions';

/**
 * A recommender run evaluated as an annotator (issue #18): it joins the agreement report as a
 * coder on the documents it covered, and is scored against gold. Figures computed by hand below.
 */
const db = getPrisma();
let owner: TestUser, a: TestUser, b: TestUser;
let projectId: string;
let labels: Record<string, string>;

beforeEach(async () => {
  [owner, a, b] = [await makeUser(db, 'owner'), await makeUser(db, 'A'), await makeUser(db, 'B')];
  projectId = (await makeProject(db, { OWNER: owner })).id;
  for (const user of [a, b]) await db.membership.create({ data: { projectId, userId: user.id, role: 'ANNOTATOR' } });
  labels = Object.fromEntries((await db.label.findMany({ where: { projectId, layer: 'ENTITY' } })).map((l) => [l.key, l.id]));
});

type Work = [label: string, quote: string][];

/** A document both annotators submitted, with their spans and adjudicated gold. */
async function document(name: string, text: string, work: { a: Work; b: Work; gold: Work }) {
  const created = await db.document.create({ data: { projectId, name, text, sha256: name, position: 0, adjudicatedAt: new Date() } });
  const spans = (authorId: string | null, list: Work) =>
    list.map(([label, quote]) => ({
      documentId: created.id,
      authorId,
      labelId: labels[label]!,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      quote,
    }));
  await db.annotation.createMany({ data: [...spans(a.id, work.a), ...spans(b.id, work.b), ...spans(null, work.gold)] });
  for (const user of [a, b]) await db.assignment.create({ data: { documentId: created.id, userId: user.id, status: 'SUBMITTED', submittedAt: new Date() } });
  return created;
}

const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

describe('the model as an annotator', () => {
  it('joins the report as a coder on the documents it ran on, with hand-computed κ and precision/recall against gold', async () => {
    const one = 'Alice met Bob in Paris';
    const d1 = await document('d1', one, {
      a: [
        ['PERSON', 'Alice'],
        ['PERSON', 'Bob'],
        ['GPE', 'Paris'],
      ],
      b: [
        ['PERSON', 'Alice'],
        ['GPE', 'Paris'],
      ],
      gold: [
        ['PERSON', 'Alice'],
        ['PERSON', 'Bob'],
        ['GPE', 'Paris'],
      ],
    });
    // Gold, but the run never looked at it: not compared, and the model is a missing value there.
    await document('d2', 'Carol left Rome', {
      a: [['PERSON', 'Carol']],
      b: [
        ['PERSON', 'Carol'],
        ['GPE', 'Rome'],
      ],
      gold: [
        ['PERSON', 'Carol'],
        ['GPE', 'Rome'],
      ],
    });
    const recommender = await makeRecommender(db, projectId, 'Llama');
    const run = await makeRun(db, recommender, [d1.id]);
    const [, bob] = await suggest(db, run, d1.id, [
      { label: 'PERSON', ...at(one, 'Alice') },
      { label: 'ORG', ...at(one, 'Bob') },
      { label: 'GPE', ...at(one, 'Paris') },
    ]);
    // A rejected the ORG suggestion: it stays the model's output all the same.
    await db.suggestionDecision.create({ data: { suggestionId: bob!.id, userId: a.id, status: 'REJECTED' } });

    const humans = await call('GET', '/projects/{id}/agreement?interval=none', { id: projectId }, { token: owner.token });
    expect(humans.body.scope.annotators.map((x: { name: string }) => x.name)).toEqual(['A', 'B']);
    expect(humans.body.models).toEqual([]);

    const response = await call('GET', '/projects/{id}/agreement?interval=none&models=all', { id: projectId }, { token: owner.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const report = response.body;
    const model = `model:${run.id}`;
    expect(report.scope.annotators).toEqual([
      { id: a.id, name: 'A' },
      { id: b.id, name: 'B' },
      { id: model, name: `Llama · run ${run.id.slice(-6)} · 2026-11-30` },
    ]);
    // κ of A and the model, ENTITY tokens of d1 (the only document both count for):
    //   Alice PERSON/PERSON, met O/O, Bob PERSON/ORG, in O/O, Paris GPE/GPE → p_o = 4/5 = .8;
    //   A's marginals PERSON 2, O 2, GPE 1; the model's PERSON 1, ORG 1, O 2, GPE 1 →
    //   p_e = (2·1 + 2·2 + 1·1 + 0·1)/25 = 7/25 = .28; κ = (.8 − .28)/(1 − .28) = .52/.72 = .7222.
    const pair = report.layers.ENTITY.pairs.find((p: { a: string; b: string }) => p.a === a.id && p.b === model);
    expect(pair).toMatchObject({ tokens: 5, documents: 1, cohenKappa: { value: 0.7222 } });
    // Span F1 A × model, exact: matches Alice, Paris; A's Bob PERSON and the model's Bob ORG unmatched → 2·2/(2·2 + 1 + 1) = .6667.
    expect(pair.f1Exact.value).toBe(0.6667);

    // Against gold, d1 only (d2 has gold but was not covered):
    //   PERSON: gold Alice, Bob; model Alice → tp 1, fp 0, fn 1: P 1, R .5, F1 2/3.
    //   GPE: tp 1 → P = R = F1 = 1.   ORG: model Bob, gold none → fp 1: P 0, R undefined, F1 0.
    //   Layer: tp 2, fp 1, fn 1 → P = R = F1 = 2/3.
    expect(report.models).toHaveLength(1);
    const scored = report.models[0];
    expect(scored).toMatchObject({ id: model, runId: run.id, recommenderId: recommender.id, documents: 1, gold: { documents: 1 } });
    const entity = scored.gold.layers.ENTITY;
    expect(entity.exact).toMatchObject({ tp: 2, fp: 1, fn: 1, precision: { value: 0.6667 }, recall: { value: 0.6667 }, f1: { value: 0.6667 } });
    expect(entity.labels.PERSON.exact).toMatchObject({ tp: 1, fp: 0, fn: 1, precision: { value: 1 }, recall: { value: 0.5 }, f1: { value: 0.6667 } });
    expect(entity.labels.GPE.exact).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: { value: 1 } });
    expect(entity.labels.ORG.exact).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 0,
      precision: { value: 0 },
      recall: { value: null, reason: 'gold has no such span' },
      f1: { value: 0 },
    });
    // The human–human pair is unchanged by the model's presence.
    const human = (body: typeof report) => body.layers.ENTITY.pairs.find((p: { a: string; b: string }) => p.a === a.id && p.b === b.id).cohenKappa;
    expect(human(report)).toEqual(human(humans.body));
    expect(report.scope.rules.some((rule: string) => rule.startsWith('Recommender runs evaluated as coders'))).toBe(true);
    // The methods paragraph names the run as a model, not as a third annotator.
    expect(methodsParagraph(report)).toContain(
      `Two annotators (A, B) and one model run evaluated as coders (Llama · run ${run.id.slice(-6)} · 2026-11-30) coded two documents`,
    );
  });

  it('leaves the documents a run failed on out of its coverage rather than scoring them as "no spans"', async () => {
    const one = 'Alice met Bob';
    const d1 = await document('d1', one, { a: [['PERSON', 'Alice']], b: [['PERSON', 'Alice']], gold: [['PERSON', 'Alice']] });
    const d2 = await document('d2', 'Carol left Rome', {
      a: [['PERSON', 'Carol']],
      b: [['PERSON', 'Carol']],
      gold: [
        ['PERSON', 'Carol'],
        ['GPE', 'Rome'],
      ],
    });
    const run = await makeRun(db, await makeRecommender(db, projectId, 'Llama'), [d1.id, d2.id]);
    await suggest(db, run, d1.id, [{ label: 'PERSON', ...at(one, 'Alice') }]);
    // The model timed out on d2: it gave no answer there, which is not an answer of "nothing".
    await db.recommenderRunDocument.create({ data: { runId: run.id, documentId: d2.id, failed: true, message: 'The model did not answer within 60000 ms.' } });
    const response = await call('GET', '/projects/{id}/agreement?interval=none&models=all', { id: projectId }, { token: owner.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [scored] = response.body.models;
    // Counted as "no spans", d2 would add Carol and Rome as misses: fn 2, recall 1/3.
    expect(scored).toMatchObject({ runId: run.id, documents: 1, gold: { documents: 1 } });
    expect(scored.gold.layers.ENTITY.exact).toMatchObject({ tp: 1, fp: 0, fn: 0, recall: { value: 1 } });
  });

  it('names a run that is not this project’s or not finished, and evaluates only the runs named', async () => {
    const recommender = await makeRecommender(db, projectId, 'Matcher');
    const finished = await makeRun(db, recommender, []);
    const running = await db.recommenderRun.create({ data: { recommenderId: recommender.id, projectId, trigger: 'batch', status: 'RUNNING' } });
    const ask = (models: string) => call('GET', `/projects/{id}/agreement?interval=none&models=${models}`, { id: projectId }, { token: owner.token });
    const unknown = await ask('nosuchrun');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('query.models: run nosuchrun is not a recommender run of this project.');
    const unfinished = await ask(`${finished.id},${running.id}`);
    expect(unfinished.status).toBe(400);
    expect(unfinished.body.error.message).toBe(`query.models: run ${running.id} is RUNNING; only finished (SUCCEEDED) runs are evaluated.`);
    const named = await ask(finished.id);
    expect(named.status).toBe(200);
    expect(named.body.models.map((m: { runId: string }) => m.runId)).toEqual([finished.id]);
  });

  it('is what `glossa agreement --models all` reports, and the command names a bad --models', async () => {
    await makeRun(db, await makeRecommender(db, projectId, 'Matcher'), []);
    const run = promisify(execFile);
    const bin = path.resolve('bin/glossa.mjs');
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    const { stdout } = await run(process.execPath, [bin, 'agreement', '--project', projectId, '--models', 'all', '--json', '--interval', 'none'], {
      env,
      timeout: 60_000,
    });
    const api = await call('GET', '/projects/{id}/agreement?interval=none&models=all', { id: projectId }, { token: owner.token });
    expect(JSON.parse(stdout).models).toEqual(api.body.models);
    expect(api.body.models).toHaveLength(1);
    const failed = await run(process.execPath, [bin, 'agreement', '--project', projectId, '--models', 'all runs'], { env, timeout: 60_000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('--models: "all" or up to 50 comma-separated run ids');
  }, 60_000);
});
