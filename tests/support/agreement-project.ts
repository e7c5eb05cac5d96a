import type { PrismaClient } from '@/lib/db/client';
import { createProject } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';
import { TEST_PASSWORD } from './fixtures';

/**
 * A small project with everything the agreement report shows: two annotators who submitted six
 * documents over three weeks, ORG and GPE spans (Ben misses half the ORG boundaries), a relation
 * in each document, and document 2 adjudicated, its gold equal to Ana's spans.
 */
const TEXT = 'Pakistan accused the Afghan Taliban of sheltering fighters in Doha.';
const SPANS = { PAK: [0, 8, 'GPE'], TALIBAN: [21, 35, 'ORG'], TALIBAN_SHORT: [28, 35, 'ORG'], DOHA: [62, 66, 'GPE'] } as const;

export async function seedAgreementProject(db: PrismaClient, ownerId: string, name = 'Agreement study') {
  const project = await createProject(db, { name, presetId: 'news-stance-framing', ownerId });
  const suffix = project.id.slice(-6);
  const annotators = [
    await createUser(db, { email: `ana-${suffix}@example.org`, name: 'Ana', password: TEST_PASSWORD }),
    await createUser(db, { email: `ben-${suffix}@example.org`, name: 'Ben', password: TEST_PASSWORD }),
  ];
  for (const user of annotators) await db.membership.create({ data: { projectId: project.id, userId: user.id, role: 'ANNOTATOR' } });
  const labels = new Map((await db.label.findMany({ where: { projectId: project.id } })).map((l) => [`${l.layer}:${l.key}`, l.id]));
  const relationLabel = (await db.label.findFirstOrThrow({ where: { projectId: project.id, layer: 'RELATION' }, orderBy: { position: 'asc' } })).id;

  for (let i = 0; i < 6; i++) {
    const document = await db.document.create({ data: { projectId: project.id, name: `Report ${i + 1}`, text: TEXT, sha256: `${suffix}-${i}`, position: i } });
    for (const [n, user] of annotators.entries()) {
      const taliban = n === 1 && i % 2 === 1 ? SPANS.TALIBAN_SHORT : SPANS.TALIBAN;
      const ids: string[] = [];
      for (const [start, end, label] of [SPANS.PAK, taliban, ...(n === 0 || i % 3 === 0 ? [SPANS.DOHA] : [])]) {
        const span = await db.annotation.create({
          data: { documentId: document.id, authorId: user.id, labelId: labels.get(`ENTITY:${label}`)!, start, end, quote: TEXT.slice(start, end) },
        });
        ids.push(span.id);
      }
      await db.relation.create({ data: { documentId: document.id, authorId: user.id, labelId: relationLabel, sourceId: ids[0]!, targetId: ids[1]! } });
      // Two documents a week from Monday 16 November 2026.
      const submittedAt = new Date(Date.UTC(2026, 10, 16 + 7 * Math.floor(i / 2) + (i % 2), 9 + n));
      await db.assignment.create({ data: { documentId: document.id, userId: user.id, status: 'SUBMITTED', submittedAt } });
    }
    if (i === 1) {
      for (const [start, end, label] of [SPANS.PAK, SPANS.TALIBAN, SPANS.DOHA]) {
        await db.annotation.create({
          data: { documentId: document.id, authorId: null, labelId: labels.get(`ENTITY:${label}`)!, start, end, quote: TEXT.slice(start, end) },
        });
      }
      await db.document.update({ where: { id: document.id }, data: { adjudicatedAt: new Date() } });
    }
  }
  return { projectId: project.id, annotators };
}
