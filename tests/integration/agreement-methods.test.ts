import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call, routeModule } from '../support/api';
import { seedAgreementProject } from '../support/agreement-project';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/** Intervals and the methods export through the API and `glossa agreement`, on a real database. */
const db = getPrisma();
const TEXT = 'Alpha beta gamma delta epsilon';
const run = promisify(execFile);
let owner: TestUser;
let projectId: string;

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  const [a, b] = [await makeUser(db, 'Ana'), await makeUser(db, 'Ben')];
  projectId = (await makeProject(db, { OWNER: owner }, 'Talks corpus')).id;
  const org = (await db.label.findFirstOrThrow({ where: { projectId, layer: 'ENTITY', key: 'ORG' } })).id;
  // Six documents; Ana marks "Alpha beta", Ben "Alpha" in odd documents and "Alpha beta" in even ones.
  for (let i = 0; i < 6; i++) {
    const document = await db.document.create({ data: { projectId, name: `d${i}`, text: TEXT, sha256: `d${i}`, position: i } });
    for (const [user, end] of [
      [a, 10],
      [b, i % 2 ? 5 : 10],
    ] as const) {
      await db.membership.upsert({
        where: { projectId_userId: { projectId, userId: user.id } },
        create: { projectId, userId: user.id, role: 'ANNOTATOR' },
        update: {},
      });
      await db.annotation.create({ data: { documentId: document.id, authorId: user.id, labelId: org, start: 0, end, quote: TEXT.slice(0, end) } });
      // Two documents completed a week: 16, 18 Nov (week 47), 23, 25 Nov (48), 30 Nov, 2 Dec (49).
      const submittedAt = new Date(Date.UTC(2026, 10, 16 + 7 * Math.floor(i / 2) + 2 * (i % 2), user === a ? 9 : 10));
      await db.assignment.create({ data: { documentId: document.id, userId: user.id, status: 'SUBMITTED', submittedAt } });
    }
  }
});

const report = async (query: string) => call('GET', `/projects/{id}/agreement${query}`, { id: projectId }, { token: owner.token });

async function methods(query: string) {
  const handler = (await routeModule('/projects/{id}/agreement/methods')).GET!;
  const request = new Request(`http://localhost/api/v1/projects/${projectId}/agreement/methods${query}`, {
    headers: { authorization: `Bearer ${owner.token}` },
  });
  const response = await handler(request, { params: Promise.resolve({ id: projectId }) });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    text: await response.text(),
  };
}

describe('agreement intervals through the API', () => {
  it('gives a reproducible bootstrap interval over documents by default, the jackknife on request, none when asked', async () => {
    const first = await report('');
    expect(first.status).toBe(200);
    const alpha = first.body.layers.ENTITY.tokenAlpha;
    expect(alpha.interval).toMatchObject({ method: 'bootstrap', replicates: 1000, units: 6, confidence: 0.95 });
    expect(alpha.interval.lower).toBeLessThanOrEqual(alpha.value);
    expect((await report('')).body).toEqual(first.body);
    expect(first.body.scope.intervals).toMatchObject({ method: 'bootstrap', replicates: 1000, seed: 1 });
    expect(first.body.scope.rules.at(-1)).toMatch(/unit bootstrap .*1,000 replicates, seed 1/);

    const jackknife = (await report('?interval=jackknife&confidence=0.9')).body.layers.ENTITY.tokenAlpha.interval;
    expect(jackknife).toMatchObject({ method: 'jackknife', confidence: 0.9, units: 6 });
    expect(jackknife.standardError).toBeGreaterThan(0);

    const none = (await report('?interval=none')).body;
    expect(JSON.stringify(none.layers)).not.toContain('interval');
    expect(none.scope.intervals).toBeNull();
  });

  it('rejects bad interval settings with a 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['?replicates=0', 'query.replicates'],
      ['?replicates=5001', 'query.replicates'],
      ['?confidence=95', 'query.confidence'],
      ['?interval=delta', 'query.interval'],
      ['?thresholds=high', 'query.thresholds'],
      ['?seed=-1', 'query.seed'],
      ['?batch=0', 'query.batch'],
      ['?batch=monthly', 'query.batch'],
    ]) {
      const response = await report(query!);
      expect(response.status, query).toBe(400);
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual([field]);
    }
  });
});

describe('agreement over time through the API', () => {
  it('batches documents by the week the last annotator submitted them, or by N documents', async () => {
    const weekly = (await report('?interval=none')).body.overTime;
    expect(weekly.batches.map((b: { label: string; documents: number }) => [b.label, b.documents])).toEqual([
      ['2026-W47', 2],
      ['2026-W48', 2],
      ['2026-W49', 2],
    ]);
    expect(weekly.batches[0].from).toBe('2026-11-16T10:00:00.000Z');
    // Each week holds one document where Ben agrees and one where he does not: the same α every week.
    expect(weekly.batches[0].layers.ENTITY.tokenAlpha.value).toBeLessThan(1);
    expect(weekly.batches[0].layers.ENTITY.tokenAlpha.value).toBe((await report('?interval=none')).body.overTime.batches[2].layers.ENTITY.tokenAlpha.value);
    const byThree = (await report('?interval=none&batch=3')).body.overTime;
    expect(byThree.batching).toEqual({ by: 'documents', size: 3 });
    expect(byThree.batches.map((b: { label: string }) => b.label)).toEqual(['documents 1–3', 'documents 4–6']);
    expect((await report('?batch=none')).body.overTime).toBeNull();
  });
});

describe('methods export', () => {
  it('writes the methods paragraph, the figure table with intervals, rules and references as Markdown', async () => {
    const { status, type, disposition, text } = await methods('?format=markdown&interval=jackknife');
    expect(status).toBe(200);
    expect(type).toBe('text/markdown; charset=utf-8');
    expect(disposition).toBe('attachment; filename="agreement-submitted.md"');
    expect(text).toContain('# Inter-annotator agreement: Talks corpus');
    expect(text).toMatch(/Two annotators \(Ana, Ben\) coded six documents independently/);
    expect(text).toMatch(/Krippendorff’s α for entity tokens \(nominal; 30 tokens\) was \.\d\d \[95 % CI [−.\d]+, [.\d]+\]/);
    expect(text).toContain('jackknife over units');
    expect(text).toContain('| ENTITY | Krippendorff’s α (nominal, tokens) |');
    expect(text).toContain('Hughes, J. (2022)');
  });

  it('writes LaTeX with escaped text and the table, and CSV with one figure a line', async () => {
    const latex = await methods('?format=latex');
    expect(latex.type).toBe('application/x-tex; charset=utf-8');
    expect(latex.text).toContain('\\begin{tabular}{llrlll}');
    expect(latex.text).toContain('$\\alpha$ for entity tokens');
    expect(latex.text).toContain('95 \\% CI');

    const csv = await methods('?format=csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('subject,measure,value,lower,upper,confidence,method,replicates,units,unit_kind,interval_units,reason');
    // The measure holds a comma, so it is quoted.
    const prefix = 'ENTITY,"Krippendorff’s α (nominal, tokens)",';
    const alpha = lines
      .find((line) => line.startsWith(prefix))!
      .slice(prefix.length)
      .split(',');
    const json = (await report('')).body.layers.ENTITY.tokenAlpha;
    expect(alpha).toEqual([String(json.value), String(json.interval.lower), String(json.interval.upper), '0.95', 'bootstrap', '1000', '30', 'tokens', '6', '']);
  });

  it('is what `glossa agreement --format` prints, and the command names a bad flag', async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL };
    const bin = path.resolve('bin/glossa.mjs');
    const { stdout } = await run(process.execPath, [bin, 'agreement', '--project', projectId, '--format', 'csv'], { env, timeout: 60_000 });
    expect(stdout).toBe((await methods('?format=csv')).text);
    const failed = await run(process.execPath, [bin, 'agreement', '--project', projectId, '--replicates', 'many'], { env, timeout: 60_000 }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect('code' in failed && failed.code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain('--replicates:');
  }, 60_000);
});

describe('relations, diagnostics and gold from the database', () => {
  it('reads annotators’ relations and adjudicated gold into the report', async () => {
    const { projectId: study, annotators } = await seedAgreementProject(db, owner.id);
    const body = (await call('GET', '/projects/{id}/agreement?interval=none', { id: study }, { token: owner.token })).body;
    // Ben's relation lands on the short Taliban span in documents 2, 4, 6: exact endpoints match 3 of 6.
    expect(body.relations.pairs[0]).toMatchObject({ documents: 6, f1Exact: { value: 0.5 }, f1Overlap: { value: 1 } });
    expect(body.relations.typeAlpha.units).toBe(3);
    const [ana, ben] = annotators.map((a) => body.annotators.ENTITY.find((row: { id: string }) => row.id === a.id));
    // Gold of document 2 equals Ana's spans there. Ben: PAK exact, TALIBAN too short, no DOHA →
    // exact tp 1, fp 1, fn 2: F1 = 2/5; overlap tp 2, fn 1: F1 = 4/5.
    expect(ana.gold).toMatchObject({ documents: 1, f1Exact: { value: 1 } });
    expect(ben.gold).toMatchObject({ documents: 1, f1Exact: { value: 0.4 }, f1Overlap: { value: 0.8 } });
    expect(ana.spans).toMatchObject({ GPE: 12, ORG: 6 });
    expect(ben.spans).toMatchObject({ GPE: 8, ORG: 6 });
  });
});
