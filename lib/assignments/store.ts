import type { PrismaClient } from '@/lib/db/client';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import { can } from '@/lib/access/policy';
import { recordEvents } from '@/lib/events/log';
import { notFound, validationFailed } from '@/lib/http/errors';
import { assignmentEvent, assignmentFields } from './events';
import { planRoundRobin } from './plan';

/** At most this many assignments per request: each is a row and an event, written in one transaction. */
const MAX_ASSIGNMENTS_PER_REQUEST = 200_000;
// Events go to recordEvents in slices, so no single statement carries a JSON document of every row.
const EVENT_SLICE = 5_000;

type AssignRequest =
  | { mode: 'explicit'; documentIds: string[]; userIds: string[] }
  | { mode: 'round-robin'; documentIds?: string[]; userIds?: string[]; perDocument?: number };

/** Creates assignments (existing ones are kept as they are) in one transaction, one event each; returns what was added. */
export async function assignDocuments(db: PrismaClient, actorId: string, projectId: string, request: AssignRequest) {
  return db.$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { annotatorsPerDocument: true } });
    const members = await tx.membership.findMany({ where: { projectId }, select: { userId: true, role: true }, orderBy: { createdAt: 'asc' } });
    const canAnnotate = new Set(members.filter((m) => can(m.role, 'annotations:write')).map((m) => m.userId));
    const userIds = request.userIds ?? members.filter((m) => m.role === 'ANNOTATOR').map((m) => m.userId);
    const strangers = userIds.filter((id) => !canAnnotate.has(id));
    if (strangers.length)
      throw validationFailed(`Not members of this project: ${strangers.join(', ')}.`, [{ path: 'body.userIds', message: 'unknown member' }]);
    if (userIds.length === 0)
      throw validationFailed('The project has no annotators to assign; add members with the ANNOTATOR role or name userIds.', [
        { path: 'body.userIds', message: 'empty' },
      ]);

    const documents = await tx.document.findMany({
      where: { projectId, deletedAt: null, ...(request.documentIds ? { id: { in: request.documentIds } } : {}) },
      orderBy: { position: 'asc' },
      select: { id: true },
    });
    if (request.documentIds && documents.length !== new Set(request.documentIds).size) {
      const found = new Set(documents.map((d) => d.id));
      throw validationFailed(`Not documents of this project: ${request.documentIds.filter((id) => !found.has(id)).join(', ')}.`, [
        { path: 'body.documentIds', message: 'unknown document' },
      ]);
    }
    const documentIds = documents.map((d) => d.id);
    const perDocument = request.mode === 'round-robin' ? annotatorsPerDocument(request.perDocument, project.annotatorsPerDocument, userIds.length) : null;
    const existing = await tx.assignment.findMany({ where: { documentId: { in: documentIds } }, select: { documentId: true, userId: true } });
    const wanted =
      request.mode === 'explicit'
        ? documentIds.flatMap((documentId) => userIds.map((userId) => ({ documentId, userId })))
        : planRoundRobin({ documentIds, annotatorIds: userIds, perDocument: perDocument!.used, existing });
    if (wanted.length > MAX_ASSIGNMENTS_PER_REQUEST) {
      throw validationFailed(
        `This request would make ${wanted.length} assignments; at most ${MAX_ASSIGNMENTS_PER_REQUEST} are ` +
          `made at once. Send fewer documentIds or userIds per request.`,
        [{ path: 'body.documentIds', message: `more than ${MAX_ASSIGNMENTS_PER_REQUEST} assignments` }],
      );
    }
    const created = await tx.assignment.createManyAndReturn({ data: wanted, skipDuplicates: true, select: assignmentFields });
    for (let start = 0; start < created.length; start += EVENT_SLICE) {
      await recordEvents(
        tx,
        created.slice(start, start + EVENT_SLICE).map((row) => assignmentEvent(projectId, actorId, null, row)),
      );
    }
    return {
      created: created.length,
      documents: documentIds.length,
      annotators: userIds.length,
      perDocument: perDocument?.used ?? null,
      note: perDocument?.note ?? null,
    };
  });
}

/**
 * How many annotators each document gets in a round-robin. Asked for explicitly, more than there
 * are annotators is an error; the project's default is lowered to what there is, and the answer
 * says so, since a document with fewer coders than the design promised changes the study.
 */
function annotatorsPerDocument(asked: number | undefined, projectDefault: number, available: number): { used: number; note: string | null } {
  if (asked !== undefined) {
    if (asked > available) {
      throw validationFailed(`perDocument is ${asked} but only ${available} annotator(s) are chosen: choose more annotators or lower perDocument.`, [
        { path: 'body.perDocument', message: `more than the ${available} annotator(s) chosen` },
      ]);
    }
    return { used: asked, note: null };
  }
  if (projectDefault <= available) return { used: projectDefault, note: null };
  return {
    used: available,
    note: `The project asks for ${projectDefault} annotators per document but only ${available} are chosen: each document got ${available}.`,
  };
}

/**
 * Takes a document away from an annotator. Their annotations stay (the event log and the
 * "all" export keep them); without an assignment they no longer count among the
 * submitted annotators the agreement report compares by default.
 */
export async function removeAssignment(db: PrismaClient, actorId: string, projectId: string, documentId: string, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await tx.assignment.findFirst({ where: { documentId, userId, document: { projectId } }, select: assignmentFields });
    if (!current) throw notFound('Assignment');
    await tx.assignment.delete({ where: { id: current.id } });
    await recordEvents(tx, [assignmentEvent(projectId, actorId, current, null)]);
  });
}

/** Per annotator: assigned / in progress / submitted and annotations made; per document: who is done, and whose work is after-gold. */
export async function projectProgress(db: PrismaClient, projectId: string) {
  const [members, assignments, counts] = await Promise.all([
    db.membership.findMany({ where: { projectId }, select: { role: true, user: { select: { id: true, name: true, email: true } } } }),
    assignmentsOf(db, projectId),
    annotationsPerAuthor(db, projectId),
  ]);
  const made = new Map(counts.map((c) => [c.authorId, c.count]));
  const annotators = members.map(({ role, user }) => {
    const mine = assignments.filter((a) => a.userId === user.id);
    const by = (status: string) => mine.filter((a) => a.status === status).length;
    const activeSeconds = mine.reduce((sum, a) => sum + a.activeSeconds, 0);
    return {
      ...user,
      role,
      assigned: mine.length,
      notStarted: by('ASSIGNED'),
      inProgress: by('IN_PROGRESS'),
      submitted: by('SUBMITTED'),
      annotations: made.get(user.id) ?? 0,
      activeSeconds,
    };
  });
  const documents = new Map<
    string,
    { id: string; name: string; annotators: { userId: string; status: string; afterGold: boolean; activeSeconds: number }[] }
  >();
  for (const a of assignments) {
    if (!documents.has(a.documentId)) documents.set(a.documentId, { id: a.documentId, name: a.name, annotators: [] });
    documents.get(a.documentId)!.annotators.push({ userId: a.userId, status: a.status, afterGold: a.afterGold, activeSeconds: a.activeSeconds });
  }
  return { annotators, documents: [...documents.values()] };
}

/**
 * The project's assignments in document order, read document by document (OFFSET 0 keeps the
 * planner from turning it into a join over every assignment of every project; bench/RESULTS.md).
 */
function assignmentsOf(db: PrismaClient, projectId: string) {
  return db.$queryRaw<{ documentId: string; userId: string; status: AssignmentStatus; afterGold: boolean; activeSeconds: number; name: string }[]>`
    SELECT a."documentId", a."userId", a.status::text AS status, a."afterGoldAt" IS NOT NULL AS "afterGold", a."activeSeconds", d.name
    FROM "Document" d
    CROSS JOIN LATERAL (SELECT * FROM "Assignment" a WHERE a."documentId" = d.id OFFSET 0) a
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL
    ORDER BY d.position, d.id, a."assignedAt"`;
}

/**
 * Spans per annotator in one project, counted document by document through the
 * (documentId, authorId) index. A plain join lets PostgreSQL scan the whole Annotation table
 * once the project is a few percent of it (1.8 s at 10 million spans, bench/RESULTS.md); the
 * aggregate inside LATERAL cannot be flattened, so the cost follows the project's size.
 */
async function annotationsPerAuthor(db: PrismaClient, projectId: string): Promise<{ authorId: string; count: number }[]> {
  return db.$queryRaw<{ authorId: string; count: number }[]>`
    SELECT per."authorId", sum(per.n)::int AS count
    FROM "Document" d
    CROSS JOIN LATERAL (
      SELECT a."authorId", count(*) AS n FROM "Annotation" a
      WHERE a."documentId" = d.id AND a."authorId" IS NOT NULL AND a."deletedAt" IS NULL
      GROUP BY a."authorId") per
    WHERE d."projectId" = ${projectId} AND d."deletedAt" IS NULL
    GROUP BY per."authorId"`;
}

/** The caller's next document: the first (in project order) assigned and not yet submitted. */
export async function nextDocument(db: PrismaClient, projectId: string, userId: string) {
  const next = await db.assignment.findFirst({
    where: { userId, status: { not: 'SUBMITTED' }, document: { projectId, deletedAt: null } },
    orderBy: [{ document: { position: 'asc' } }],
    select: { status: true, document: { select: { id: true, name: true } } },
  });
  return next ? { documentId: next.document.id, name: next.document.name, status: next.status } : null;
}
