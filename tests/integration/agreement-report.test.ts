import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { labelIds, makeTeam, type TestUser } from '../support/fixtures';

const db = getPrisma();
const TEXT = 'Alpha beta gamma delta';
let owner: TestUser, a: TestUser, b: TestUser, c: TestUser;
let projectId: string;
let labels: Record<string, string>;
let targetId: string;

beforeEach(async () => {
  ({ owner, a, b, c, projectId } = await makeTeam(db, { curator: 'CURATOR', a: 'ANNOTATOR', b: 'ANNOTATOR', c: 'ANNOTATOR' }));
  labels = await labelIds(db, projectId);
  targetId = (await db.target.findFirstOrThrow({ where: { projectId, key: 'AFGHAN_TALIBAN' } })).id;
});

/** One annotator's work on a document: an ORG span over `org`, a stance on the target, an answer to the frame question. */
type Work = [TestUser, { org: [number, number]; stance?: string; frame?: string }];

async function documentWith(name: string, ...work: Work[]) {
  return documentOf(name, 'SUBMITTED', work);
}

/** A document nobody has submitted yet: the annotators are still at it. */
async function draftWith(name: string, ...work: Work[]) {
  return documentOf(name, 'IN_PROGRESS', work);
}

async function documentOf(name: string, status: 'SUBMITTED' | 'IN_PROGRESS', work: Work[]) {
  const document = await db.document.create({ data: { projectId, name, text: TEXT, sha256: name, position: 0 } });
  for (const [user, spec] of work) {
    const quote = TEXT.slice(spec.org[0], spec.org[1]);
    await db.annotation.create({
      data: { documentId: document.id, authorId: user.id, labelId: labels['ENTITY:ORG']!, start: spec.org[0], end: spec.org[1], quote },
    });
    if (spec.stance)
      await db.annotation.create({
        data: { documentId: document.id, authorId: user.id, labelId: labels[`STANCE:${spec.stance}`]!, start: 0, end: 5, quote: 'Alpha', targetId },
      });
    if (spec.frame)
      await db.documentLabel.create({ data: { documentId: document.id, authorId: user.id, labelId: labels['DOCUMENT:PRIMARY_FRAME']!, values: [spec.frame] } });
    await db.assignment.create({ data: { documentId: document.id, userId: user.id, status } });
  }
  return document;
}

const report = async (query = '') => {
  const response = await call('GET', `/projects/{id}/agreement${query}`, { id: projectId }, { token: owner.token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

describe('agreement report', () => {
  it('reproduces hand-computed figures for two annotators', async () => {
    // Tokens: Alpha | beta | gamma | delta. A marks "Alpha beta" ORG, B marks "Alpha" ORG.
    await documentWith('d1', [a, { org: [0, 10] }], [b, { org: [0, 5] }]);
    const body = await report();
    const entity = body.layers.ENTITY;
    // Categories A: ORG ORG O O, B: ORG O O O → table [[2,0],[1,1]]; p_o = .75, p_e = .5 → κ = .5.
    expect(entity.pairs[0].cohenKappa.value).toBe(0.5);
    // Coincidences o_OO = 4, o_ORG,ORG = 2, o_O,ORG = o_ORG,O = 1; n_O = 5, n_ORG = 3 → α = 1 − (2/8)/(30/56) = .5333.
    expect(entity.tokenAlpha.value).toBeCloseTo(0.5333, 4);
    expect(entity.pairs[0]).toMatchObject({ tokens: 4, f1Exact: { value: 0 }, f1Overlap: { value: 1 }, documents: 1 });
    expect(entity.pairs[0].confusion).toEqual({
      categories: ['O', 'ORG'],
      matrix: [
        [2, 0],
        [1, 1],
      ],
    });
    expect(entity.labels.ORG.tokenAlpha.value).toBeCloseTo(0.5333, 4);
    // α_u (Krippendorff 1995, the formula in lib/agreement/unitizing-alpha.ts) by hand, L = 22, m = 2:
    // A has unit [0,10) and gap [10,22), B unit [0,5) and gap [5,22). The two units overlap,
    // δ² = (0−0)² + (10−5)² = 25 each way, nothing lies inside the other's gap →
    // D_o = 2·25 / (2·1·22²) = 50/968. N = 2 units; unit 10: (1/3)(2000−300+10) + 10²·((12−10+1)+(17−10+1)) = 1670,
    // unit 5: (1/3)(250−75+5) + 5²·((12−5+1)+(17−5+1)) = 585 → D_e = (2/22)·2255 / (44·43 − 90 − 20) = 205/1782.
    // α_u = 1 − (50/968)/(205/1782) = .5510 (unitizingAlpha on these two segments gives the same).
    expect(entity.unitizingAlpha.value).toBeCloseTo(0.551, 4);
    // Fleiss: items ORG/ORG, ORG/O, O/O, O/O → P̄ = 3/4; p_ORG = 3/8, p_O = 5/8 → P_e = 34/64; κ = (48−34)/(64−34) = 7/15.
    expect(entity.fleissKappa.value).toBeCloseTo(7 / 15, 4);
    expect(body.documents).toEqual([{ id: expect.any(String), name: 'd1', annotators: 2, disagreement: 0 }]);
  });

  it('computes Fleiss’ κ, stance α per target and document-question α for three annotators', async () => {
    await documentWith(
      'd1',
      [a, { org: [0, 10], stance: 'FAVOR', frame: 'SECURITY_DEFENSE' }],
      [b, { org: [0, 5], stance: 'AGAINST', frame: 'SECURITY_DEFENSE' }],
      [c, { org: [0, 10], stance: 'FAVOR', frame: 'POLITICAL' }],
    );
    const body = await report();
    // Per token counts [O, ORG]: [0,3], [1,2], [3,0], [3,0] → P̄ = .8333, P_e = 74/144 → κ = .6571.
    expect(body.layers.ENTITY.fleissKappa.value).toBeCloseTo(0.6571, 4);
    expect(body.layers.ENTITY.pairs).toHaveLength(3);
    // One (document, target) unit valued FAVOR, AGAINST, FAVOR: D_o = D_e = 2/3 → α = 0.
    // One unit: the default bootstrap cannot resample it and says so.
    const oneUnit = { reason: 'fewer than two units to resample' };
    expect(body.stance).toEqual({ AFGHAN_TALIBAN: { value: 0, units: 1, interval: oneUnit } });
    expect(body.questions.PRIMARY_FRAME).toEqual({ value: 0, units: 1, interval: oneUnit });
    expect(body.questions.OVERALL_STANCE.units).toBe(0);
    expect(body.scope).toMatchObject({ documents: 1, documentRule: 'per document, the annotators who submitted it' });
    expect(body.scope.rules.length).toBeGreaterThan(3);
  });

  it('gives 1 everywhere for identical work and ranks documents by disagreement', async () => {
    await documentWith('same', [a, { org: [6, 10] }], [b, { org: [6, 10] }], [c, { org: [6, 10] }]);
    await documentWith('differs', [a, { org: [0, 5] }], [b, { org: [11, 16] }], [c, { org: [0, 5] }]);
    const body = await report();
    expect(body.documents.map((d: { name: string }) => d.name)).toEqual(['differs', 'same']);
    expect(body.documents[1].disagreement).toBe(0);
    expect(body.documents[0].disagreement).toBeCloseTo(2 / 3, 4);
    await db.annotation.deleteMany({ where: { document: { name: 'differs' } } });
    await db.assignment.deleteMany({ where: { document: { name: 'differs' } } });
    const perfect = (await report()).layers.ENTITY;
    for (const figure of [
      perfect.tokenAlpha,
      perfect.unitizingAlpha,
      perfect.fleissKappa,
      ...perfect.pairs.flatMap((p: Record<string, { value: number }>) => [p.cohenKappa, p.f1Exact, p.f1Overlap]),
    ]) {
      expect(figure.value).toBe(1);
    }
  });

  it('explains an empty report: nothing submitted, or one annotator only', async () => {
    await draftWith('draft', [a, { org: [0, 5] }], [b, { org: [0, 5] }]);
    const none = await report();
    expect(none.scope.documents).toBe(0);
    expect(none.scope.message).toMatch(/two or more annotators/);
    expect(none.layers.ENTITY.tokenAlpha).toEqual({
      value: null,
      reason: expect.stringContaining('no unit'),
      interval: { reason: expect.stringContaining('no unit') },
    });
    expect((await report('?scope=all')).scope.documents).toBe(1);
    await documentWith('solo', [a, { org: [0, 5] }]);
    expect((await report()).scope.excludedDocuments).toBe(2);
  });

  it('keeps retired labels in the figures', async () => {
    await documentWith('d1', [a, { org: [0, 5] }], [b, { org: [0, 5] }]);
    await db.label.update({ where: { id: labels['ENTITY:ORG'] }, data: { retired: true } });
    expect((await report()).layers.ENTITY.labels.ORG.tokenAlpha.value).toBe(1);
  });
});
