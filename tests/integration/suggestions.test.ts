import { beforeEach, describe, expect, it } from 'vitest';
import { authorizeDocument } from '@/lib/access/project-access';
import type { Caller } from '@/lib/auth/caller';
import { getPrisma } from '@/lib/db/client';
import { acceptAllOfLabel } from '@/lib/suggestions/decide';
import { call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { makeRecommender, makeRun, suggest } from '../support/suggestions';

/** Suggestions as annotators and curators receive and decide them (issue #18): the API, a real database. */
const db = getPrisma();
const TEXT = 'Hafiz Gul Bahadur group attacked Bannu. The TTP denied it. Police in Bannu said TTP fighters fled.';
const nth = (needle: string, n = 1) => {
  let start = -1;
  for (let i = 0; i < n; i += 1) start = TEXT.indexOf(needle, start + 1);
  return { start, end: start + needle.length };
};

let owner: TestUser, curator: TestUser, a: TestUser, b: TestUser;
let projectId: string, documentId: string;
let labels: Record<string, string>;
let run: Awaited<ReturnType<typeof makeRun>>;

beforeEach(async () => {
  [owner, curator, a, b] = [await makeUser(db, 'owner'), await makeUser(db, 'curator'), await makeUser(db, 'A'), await makeUser(db, 'B')];
  // Overlaps refused, so accepting can run into the span rules.
  projectId = (await makeProject(db, { OWNER: owner, CURATOR: curator }, 'Suggestions', { allowSelfAssignment: true, allowOverlap: false })).id;
  for (const user of [a, b]) await db.membership.create({ data: { projectId, userId: user.id, role: 'ANNOTATOR' } });
  documentId = (await db.document.create({ data: { projectId, name: 'd', text: TEXT, sha256: 'd', position: 0 } })).id;
  labels = Object.fromEntries((await db.label.findMany({ where: { projectId } })).map((l) => [l.key, l.id]));
  run = await makeRun(db, await makeRecommender(db, projectId), [documentId]);
});

const as = (user: TestUser, body?: unknown) => ({ token: user.token, body });
const pending = async (user: TestUser, layer = 'own') => {
  const response = await call('GET', `/documents/{id}/suggestions?layer=${layer}`, { id: documentId }, as(user));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.items as { id: string; label: string; start: number; quote: string }[]).map((s) => `${s.label}:${s.quote}@${s.start}`);
};
const span = (user: TestUser, label: string, at: { start: number; end: number }) =>
  call('POST', '/documents/{id}/annotations', { id: documentId }, as(user, { labelId: labels[label], ...at }));
const accept = (user: TestUser, id: string, layer = 'own') => call('POST', `/suggestions/{id}/accept?layer=${layer}`, { id }, as(user));
const reject = (user: TestUser, id: string) => call('POST', '/suggestions/{id}/reject', { id }, as(user));

describe('GET /documents/{id}/suggestions', () => {
  it('offers each person what they have not decided, not already have, of labels still in the schema', async () => {
    const [bannu] = await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'ORG', ...nth('TTP') },
      { label: 'ORG', ...nth('TTP', 2), forUserId: b.id },
      { label: 'NORP', ...nth('Police') },
    ]);
    expect(await pending(a)).toEqual([`GPE:Bannu@${nth('Bannu').start}`, `ORG:TTP@${nth('TTP').start}`, `NORP:Police@${nth('Police').start}`]);
    // A already has the TTP span; rejects Bannu; the NORP label is retired.
    expect((await span(a, 'ORG', nth('TTP'))).status).toBe(201);
    expect((await reject(a, bannu!.id)).status).toBe(200);
    await db.label.update({ where: { id: labels.NORP }, data: { retired: true } });
    expect(await pending(a)).toEqual([]);
    // B decided nothing: the suggestion meant for B alone is B's, the rest still B's to decide.
    expect(await pending(b)).toEqual([`GPE:Bannu@${nth('Bannu').start}`, `ORG:TTP@${nth('TTP').start}`, `ORG:TTP@${nth('TTP', 2).start}`]);
  });

  it("offers only each recommender's newest run of the document, and never again a span rejected in an earlier run", async () => {
    const [bannu] = await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'ORG', ...nth('TTP') },
    ]);
    expect((await reject(a, bannu!.id)).status).toBe(200);
    const recommender = await db.recommender.findUniqueOrThrow({ where: { id: run.recommenderId } });
    const later = await makeRun(db, recommender, [documentId], new Date('2026-12-01T12:00:00Z'));
    await suggest(db, later, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'GPE', ...nth('Bannu', 2) },
    ]);
    // The first run's TTP is superseded; its Bannu, found again, stays rejected for A, not for B.
    expect(await pending(a)).toEqual([`GPE:Bannu@${nth('Bannu', 2).start}`]);
    expect(await pending(b)).toEqual([`GPE:Bannu@${nth('Bannu').start}`, `GPE:Bannu@${nth('Bannu', 2).start}`]);
  });

  it('in blind mode reveals nothing of another annotator: their spans neither hide a suggestion nor show through one', async () => {
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).blindMode).toBe(true);
    // B has the Bannu span; a suggestion learned from B's work is B's alone.
    expect((await span(b, 'GPE', nth('Bannu'))).status).toBe(201);
    await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'GPE', ...nth('Bannu', 2), forUserId: b.id },
    ]);
    expect(await pending(a)).toEqual([`GPE:Bannu@${nth('Bannu').start}`]);
    const [suggestionForB] = await db.suggestion.findMany({ where: { forUserId: b.id } });
    const refused = await accept(a, suggestionForB!.id);
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe('Suggestion not found.');
  });

  it('accepts a stance suggestion with its target, and offers none whose target was retired', async () => {
    const [favor, against] = await suggest(db, run, documentId, [
      { label: 'FAVOR', ...nth('TTP denied it'), target: 'TTP' },
      { label: 'AGAINST', ...nth('Police in Bannu'), target: 'PAKISTAN_STATE' },
    ]);
    const accepted = await accept(a, favor!.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const ttp = await db.target.findFirstOrThrow({ where: { projectId, key: 'TTP' } });
    expect(accepted.body).toMatchObject({ layer: 'STANCE', label: 'FAVOR', target: { kind: 'target', id: ttp.id } });
    await db.target.updateMany({ where: { projectId, key: 'PAKISTAN_STATE' }, data: { retired: true } });
    expect(await pending(a)).toEqual([]);
    expect((await accept(a, against!.id)).body.error.message).toMatch(/^This suggestion is no longer offered/);
  });

  it('answers 403 for gold to an annotator and lists gold suggestions for a curator', async () => {
    await suggest(db, run, documentId, [{ label: 'GPE', ...nth('Bannu') }]);
    const refused = await call('GET', '/documents/{id}/suggestions?layer=gold', { id: documentId }, as(a));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only curators, managers and owners write the gold layer.');
    expect(await pending(curator, 'gold')).toEqual([`GPE:Bannu@${nth('Bannu').start}`]);
  });
});

describe('accepting and rejecting', () => {
  it('accepts through the annotation write path: a SUGGESTED span with its provenance, and both events', async () => {
    const [bannu] = await suggest(db, run, documentId, [{ label: 'GPE', ...nth('Bannu'), score: 0.9 }]);
    const accepted = await accept(a, bannu!.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body).toMatchObject({
      author: a.id,
      label: 'GPE',
      origin: 'SUGGESTED',
      quote: 'Bannu',
      ...nth('Bannu'),
      sourceIds: [`suggestion:${bannu!.id}`, `run:${run.id}`, `recommender:${run.recommenderId}`],
    });
    const events = await db.event.findMany({ where: { projectId, entity: { in: ['ANNOTATION', 'SUGGESTION'] } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.entity, e.action, e.entityId, e.actorId])).toEqual([
      ['ANNOTATION', 'CREATE', accepted.body.id, a.id],
      ['SUGGESTION', 'UPDATE', bannu!.id, a.id],
    ]);
    expect(events[1]!.before).toEqual({ suggestionId: bannu!.id, userId: a.id, gold: false, status: 'PENDING', annotationId: null });
    expect(events[1]!.after).toEqual({ suggestionId: bannu!.id, userId: a.id, gold: false, status: 'ACCEPTED', annotationId: accepted.body.id });
    // Decided once: a second accept is refused and writes nothing.
    const again = await accept(a, bannu!.id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You already accepted this suggestion.');
    expect(await db.annotation.count({ where: { documentId } })).toBe(1);
    // B's blind layer is untouched by A's decision: still pending for B.
    expect(await pending(b)).toEqual([`GPE:Bannu@${nth('Bannu').start}`]);
  });

  it('keeps submitted work read-only: neither accept nor reject writes anything', async () => {
    const [bannu, ttp] = await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'ORG', ...nth('TTP') },
    ]);
    expect((await span(a, 'ORG', nth('Hafiz Gul Bahadur group'))).status).toBe(201);
    expect((await call('PATCH', '/documents/{id}/assignment', { id: documentId }, as(a, { status: 'SUBMITTED' }))).status).toBe(200);
    for (const response of [await accept(a, bannu!.id), await reject(a, ttp!.id)]) {
      expect(response.status).toBe(409);
      expect(response.body.error.message).toBe('This document is SUBMITTED: your work on it is read-only. Reopen it to change it.');
    }
    expect(await db.suggestionDecision.count({ where: { suggestion: { documentId } } })).toBe(0);
    expect(await db.annotation.count({ where: { documentId } })).toBe(1);
  });

  it('refuses a suggestion that would overlap a span of the layer, and writes nothing', async () => {
    const [group] = await suggest(db, run, documentId, [{ label: 'ORG', ...nth('Bahadur group') }]);
    const existing = await span(a, 'PERSON', nth('Hafiz Gul Bahadur'));
    expect(existing.status).toBe(201);
    const refused = await accept(a, group!.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({ overlapsWith: existing.body.id });
    expect(await db.suggestionDecision.count({ where: { suggestion: { documentId } } })).toBe(0);
  });

  it('accepts into gold for a curator (?layer=gold), and refuses gold to an annotator', async () => {
    const [bannu] = await suggest(db, run, documentId, [{ label: 'GPE', ...nth('Bannu') }]);
    expect((await accept(a, bannu!.id, 'gold')).status).toBe(403);
    const gold = await accept(curator, bannu!.id, 'gold');
    expect(gold.status).toBe(201);
    expect(gold.body).toMatchObject({ author: 'gold', origin: 'SUGGESTED' });
    // The curator's own layer is a separate decision.
    expect(await pending(curator)).toEqual([`GPE:Bannu@${nth('Bannu').start}`]);
  });

  it('records a rejection as an event and never offers the suggestion again', async () => {
    const [bannu] = await suggest(db, run, documentId, [{ label: 'GPE', ...nth('Bannu') }]);
    const rejected = await reject(a, bannu!.id);
    expect(rejected.body).toEqual({ suggestionId: bannu!.id, status: 'REJECTED' });
    const [event] = await db.event.findMany({ where: { projectId, entity: 'SUGGESTION' } });
    expect(event).toMatchObject({ action: 'UPDATE', entityId: bannu!.id, before: { status: 'PENDING' }, after: { status: 'REJECTED', annotationId: null } });
    expect(await pending(a)).toEqual([]);
    expect((await accept(a, bannu!.id)).body.error.message).toBe('You already rejected this suggestion.');
  });
});

describe('POST /documents/{id}/suggestions/accept-all', () => {
  it('accepts every pending suggestion of the label in one go, counting and leaving overlaps pending', async () => {
    await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'GPE', ...nth('Bannu', 2) },
      { label: 'GPE', ...nth('Police in Bannu') },
      { label: 'ORG', ...nth('TTP') },
    ]);
    const response = await call('POST', '/documents/{id}/suggestions/accept-all', { id: documentId }, as(a, { label: 'GPE' }));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // "Police in Bannu" starts first and is accepted; the second Bannu lies inside it: skipped.
    expect(response.body).toMatchObject({ label: 'GPE', accepted: 2, skippedOverlaps: 1, remaining: 0 });
    expect(response.body.annotations.map((x: { quote: string }) => x.quote)).toEqual(['Bannu', 'Police in Bannu']);
    expect(await pending(a)).toEqual([`ORG:TTP@${nth('TTP').start}`, `GPE:Bannu@${nth('Bannu', 2).start}`]);
    expect(await db.event.count({ where: { projectId, entity: 'SUGGESTION' } })).toBe(2);
    expect(await db.event.count({ where: { projectId, entity: 'ANNOTATION' } })).toBe(2);
  });

  it('handles at most the limit per request, in text order, and says how many remain', async () => {
    await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu', 2) },
      { label: 'GPE', ...nth('Bannu') },
      { label: 'ORG', ...nth('TTP') },
    ]);
    const access = await authorizeDocument(db, { userId: a.id, isAdmin: false, via: 'token' } satisfies Caller, documentId, 'suggestions:decide');
    const first = await acceptAllOfLabel(db, { userId: a.id, access }, documentId, 'GPE', 'own', 1);
    expect(first).toMatchObject({ accepted: 1, skippedOverlaps: 0, remaining: 1 });
    expect(first.annotations.map((x) => x.start)).toEqual([nth('Bannu').start]);
    const second = await acceptAllOfLabel(db, { userId: a.id, access }, documentId, 'GPE', 'own', 1);
    expect(second).toMatchObject({ accepted: 1, remaining: 0 });
  });

  it('names an unknown label and writes nothing', async () => {
    await suggest(db, run, documentId, [{ label: 'GPE', ...nth('Bannu') }]);
    const response = await call('POST', '/documents/{id}/suggestions/accept-all', { id: documentId }, as(a, { label: 'PLACE' }));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'validation_failed', message: 'body.label: "PLACE" is not an active span label of this project.' });
    expect(await db.annotation.count({ where: { documentId } })).toBe(0);
  });
});

describe('GET /projects/{id}/suggestion-stats', () => {
  it('counts accepted, rejected and edited-after-accepting per recommender, label and day', async () => {
    const [bannu, ttp, police, bannu2] = await suggest(db, run, documentId, [
      { label: 'GPE', ...nth('Bannu') },
      { label: 'ORG', ...nth('TTP') },
      { label: 'NORP', ...nth('Police') },
      { label: 'GPE', ...nth('Bannu', 2) },
    ]);
    const first = await accept(a, bannu!.id);
    expect((await accept(b, bannu!.id)).status).toBe(201);
    expect((await accept(a, bannu2!.id)).status).toBe(201);
    expect((await reject(a, ttp!.id)).status).toBe(200);
    expect((await reject(b, police!.id)).status).toBe(200);
    // A corrects the span accepted first: an edit after accepting.
    expect((await call('PATCH', '/annotations/{id}', { id: first.body.id }, as(a, { version: 1, end: nth('Bannu').end - 1 }))).status).toBe(200);
    // B's decisions were a day earlier.
    await db.suggestionDecision.updateMany({ where: { userId: b.id }, data: { decidedAt: new Date('2026-12-01T10:00:00Z') } });
    await db.suggestionDecision.updateMany({ where: { userId: a.id }, data: { decidedAt: new Date('2026-12-02T23:59:00Z') } });

    expect((await call('GET', '/projects/{id}/suggestion-stats', { id: projectId }, as(a))).status).toBe(403);
    const response = await call('GET', '/projects/{id}/suggestion-stats', { id: projectId }, as(curator));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const zero = { accepted: 0, rejected: 0, edited: 0, deleted: 0 };
    expect(response.body.items).toEqual([
      {
        recommenderId: run.recommenderId,
        recommender: 'Matcher',
        label: 'GPE',
        layer: 'ENTITY',
        accepted: 3,
        rejected: 0,
        edited: 1,
        deleted: 0,
        acceptance: 1,
        days: [
          { day: '2026-12-01', ...zero, accepted: 1 },
          { day: '2026-12-02', ...zero, accepted: 2, edited: 1 },
        ],
      },
      {
        recommenderId: run.recommenderId,
        recommender: 'Matcher',
        label: 'NORP',
        layer: 'ENTITY',
        ...zero,
        rejected: 1,
        acceptance: 0,
        days: [{ day: '2026-12-01', ...zero, rejected: 1 }],
      },
      {
        recommenderId: run.recommenderId,
        recommender: 'Matcher',
        label: 'ORG',
        layer: 'ENTITY',
        ...zero,
        rejected: 1,
        acceptance: 0,
        days: [{ day: '2026-12-02', ...zero, rejected: 1 }],
      },
    ]);
  });
});
