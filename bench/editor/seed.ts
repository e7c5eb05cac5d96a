import type { PrismaClient } from '@/lib/db/client';
import { importBatch } from '@/lib/import/service';
import { createProject } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';
import type { BenchDocument } from './documents';

export const BENCH_USER = { email: 'owner@editor.bench', password: 'editor bench owner' };
/** The entity label the bench applies by its hotkey. */
export const BENCH_LABEL = { key: 'PERSON', hotkey: 'p' };

export interface SeededDocument extends BenchDocument {
  id: string;
}

/** One owner, one project (news preset, overlap allowed), the documents with the owner's spans and relations on them, assigned to the owner. */
export async function seedEditorProject(db: PrismaClient, documents: BenchDocument[]): Promise<{ projectId: string; documents: SeededDocument[] }> {
  const owner = await createUser(db, { email: BENCH_USER.email, name: 'Editor bench', password: BENCH_USER.password });
  const project = await createProject(db, { name: 'editor bench', presetId: 'news-stance-framing', ownerId: owner.id, allowOverlap: true });
  const report = await importBatch(
    db,
    [
      {
        kind: 'parsed',
        name: 'editor bench',
        format: 'json',
        documents: documents.map((d) => ({
          name: d.name,
          text: d.text,
          metadata: {},
          spans: d.spans.map(({ start, end }, i) => ({
            ref: `s${i}`,
            start,
            end,
            label: i % 3 ? 'ORG' : 'GPE',
            layer: 'ENTITY' as const,
            location: { file: 'bench' },
          })),
          // ORG and GPE are both actors, which ALLY_OF links.
          relations: (d.relations ?? []).map(([source, target]) => ({
            label: 'ALLY_OF',
            source: `s${source}`,
            target: `s${target}`,
            location: { file: 'bench' },
          })),
          documentLabels: [],
          location: { file: 'bench' },
        })),
      },
    ],
    { projectId: project.id, actorId: owner.id, author: { kind: 'user', userId: owner.id } },
  );
  if (report.documentCount !== documents.length) throw new Error(`imported ${report.documentCount} of ${documents.length} bench documents`);
  const rows = await db.document.findMany({ where: { projectId: project.id }, select: { id: true, name: true } });
  const ids = new Map(rows.map((r) => [r.name, r.id]));
  const seeded = documents.map((d) => ({ ...d, id: ids.get(d.name)! }));
  await db.assignment.createMany({ data: seeded.map((d) => ({ documentId: d.id, userId: owner.id })) });
  const stored = await db.annotation.count({ where: { document: { projectId: project.id } } });
  const expected = documents.reduce((sum, d) => sum + d.spans.length, 0);
  if (stored !== expected) throw new Error(`stored ${stored} of ${expected} bench spans`);
  const storedRelations = await db.relation.count({ where: { document: { projectId: project.id } } });
  const expectedRelations = documents.reduce((sum, d) => sum + (d.relations?.length ?? 0), 0);
  if (storedRelations !== expectedRelations) throw new Error(`stored ${storedRelations} of ${expectedRelations} bench relations`);
  return { projectId: project.id, documents: seeded };
}
