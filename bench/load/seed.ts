import { createApiToken } from '@/lib/auth/api-tokens';
import type { PrismaClient } from '@/lib/db/client';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { createProject } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';

/**
 * The load project: annotators with their own API tokens and documents, plus a
 * few documents three annotators already submitted, so the agreement report the
 * clients read has real work to compare instead of an empty scope.
 */
export interface Annotator {
  userId: string;
  token: string;
  documents: LoadDocument[];
}

export interface LoadDocument {
  id: string;
  text: string;
  /** [start, end) of every word, in code points (the text is ASCII). */
  words: Array<[number, number]>;
}

export interface LoadProject {
  projectId: string;
  /** The owner's token: annotators may not read the agreement report. */
  curatorToken: string;
  annotators: Annotator[];
  /** ENTITY and FRAME label ids: span labels that need no stance target. */
  labelIds: string[];
}

const SENTENCE = 'Talks between Pakistan and the Afghan Taliban ended in Doha without an agreement two days after an attack in Bannu';
const SUBMITTED_DOCUMENTS = 10;

export function documentText(index: number): string {
  return Array.from({ length: 8 }, (_, i) => `Report ${index} part ${i}. ${SENTENCE}.`).join(' ');
}

function wordsOf(text: string): Array<[number, number]> {
  return [...text.matchAll(/[A-Za-z0-9]+/g)].map((m) => [m.index, m.index + m[0].length]);
}

export async function seedLoadProject(db: PrismaClient, options: { annotators: number; documentsEach: number }): Promise<LoadProject> {
  const owner = await createUser(db, { email: 'owner@load.bench', name: 'Load owner', password: 'load bench owner' });
  const project = await createProject(db, { name: 'load', presetId: 'news-stance-framing', ownerId: owner.id });
  const labels = await db.label.findMany({
    where: { projectId: project.id, layer: { in: ['ENTITY', 'FRAME'] }, retired: false },
    select: { id: true, key: true },
  });

  const users = [];
  for (let i = 0; i < options.annotators; i++) {
    const user = await createUser(db, { email: `annotator${i}@load.bench`, name: `Annotator ${i}`, password: 'load bench annotator' });
    await db.membership.create({ data: { projectId: project.id, userId: user.id, role: 'ANNOTATOR' } });
    users.push({ ...user, token: (await createApiToken(db, user.id, 'load bench')).token });
  }

  const own: ImportedDocument[] = users.flatMap((_, u) =>
    Array.from({ length: options.documentsEach }, (_, d) => parsed(`a${u}-d${d}`, documentText(u * options.documentsEach + d), [])),
  );
  const ownIds = await importDocuments(db, project.id, owner.id, own);

  const raters = users.slice(0, 3);
  const entity = labels.filter((l) => ['PERSON', 'GPE', 'ORG'].includes(l.key));
  const submitted = Array.from({ length: SUBMITTED_DOCUMENTS }, (_, d) => {
    const text = `Submitted ${d}. ${SENTENCE}.`;
    const words = wordsOf(text);
    const spans = raters.flatMap((rater, r) =>
      words
        .filter((_, w) => (w + d + r) % 3 !== 0)
        .map(([start, end], w) => ({
          start,
          end,
          label: entity[(w + (r === 2 && w % 5 === 0 ? 1 : 0)) % entity.length]!.key,
          layer: 'ENTITY' as const,
          author: rater.email,
          location: { file: 'load' },
        })),
    );
    return parsed(`submitted-${d}`, text, spans);
  });
  const submittedIds = await importDocuments(db, project.id, owner.id, submitted, true);

  await db.assignment.createMany({
    data: [
      ...users.flatMap((user, u) =>
        ownIds.slice(u * options.documentsEach, (u + 1) * options.documentsEach).map((documentId) => ({ documentId, userId: user.id })),
      ),
      ...submittedIds.flatMap((documentId) => raters.map((rater) => ({ documentId, userId: rater.id, status: 'SUBMITTED' as const, submittedAt: new Date() }))),
    ],
  });

  return {
    projectId: project.id,
    curatorToken: (await createApiToken(db, owner.id, 'load bench')).token,
    labelIds: labels.map((l) => l.id),
    annotators: users.map((user, u) => ({
      userId: user.id,
      token: user.token,
      documents: ownIds.slice(u * options.documentsEach, (u + 1) * options.documentsEach).map((id, d) => {
        const text = own[u * options.documentsEach + d]!.text;
        return { id, text, words: wordsOf(text) };
      }),
    })),
  };
}

function parsed(name: string, text: string, spans: ImportedDocument['spans']): ImportedDocument {
  return { name, text, metadata: {}, spans, relations: [], documentLabels: [], location: { file: 'load' } };
}

async function importDocuments(
  db: PrismaClient,
  projectId: string,
  ownerId: string,
  documents: ImportedDocument[],
  keepSourceAuthors = false,
): Promise<string[]> {
  const report = await importBatch(db, [{ kind: 'parsed', name: 'load', format: 'json', documents }], {
    projectId,
    actorId: ownerId,
    author: { kind: 'user', userId: ownerId },
    keepSourceAuthors,
  });
  // The report lists only the first documents; names are unique, so look them up.
  const rows = await db.document.findMany({ where: { projectId, name: { in: documents.map((d) => d.name) } }, select: { id: true, name: true } });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  if (report.documentCount !== documents.length) throw new Error(`imported ${report.documentCount} of ${documents.length} load documents`);
  return documents.map((d) => byName.get(d.name)!);
}
