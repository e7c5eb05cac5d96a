import type { Caller } from '@/lib/auth/caller';
import type { PrismaClient } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { forbidden, notFound } from '@/lib/http/errors';
import { can, canSeeOthersWork, type ProjectAction } from './policy';

export interface ProjectAccess {
  projectId: string;
  role: Role;
  blindMode: boolean;
  /** Whether the caller may see other annotators' spans, relations and answers. */
  seesOthersWork: boolean;
}

/**
 * Gold (authorId null) has no assignment to check: every path that writes it (spans,
 * relations, answers, import) asks here, so the rule and its message are the same on all.
 */
export function assertGoldWriter(role: Role): void {
  if (!can(role, 'gold:write')) throw forbidden('Only curators, managers and owners write the gold layer.');
}

interface Membership {
  projectId: string;
  role: Role | null;
  blindMode: boolean;
}

/**
 * The one authorization check for everything inside a project. Non-members get
 * 404 — the same answer as for a project that does not exist — so project ids
 * reveal nothing; members without the permission get 403 naming what they lack.
 * Every request runs it, so membership and project settings come in one query.
 */
export async function authorizeProject(db: PrismaClient, caller: Caller, projectId: string, action: ProjectAction): Promise<ProjectAccess> {
  const [membership] = await db.$queryRaw<Membership[]>`
    SELECT m."projectId", m.role::text AS role, p."blindMode"
    FROM "Membership" m JOIN "Project" p ON p.id = m."projectId"
    WHERE m."projectId" = ${projectId} AND m."userId" = ${caller.userId}`;
  return grant(membership, action, 'Project');
}

function grant(membership: Membership | undefined, action: ProjectAction, unseen: string): ProjectAccess {
  if (!membership?.role) throw notFound(unseen);
  const { projectId, role, blindMode } = membership;
  if (!can(role, action)) {
    throw forbidden(`Your role (${role}) does not allow ${describe(action)} in this project.`);
  }
  return { projectId, role, blindMode, seesOthersWork: canSeeOthersWork(role, { blindMode }) };
}

function describe(action: ProjectAction): string {
  const [subject, verb] = action.split(':');
  // A one-word action ("export") is its own verb.
  if (verb === undefined) return `${subject!.replace(/e$/, '')}ing`;
  return verb === 'read' ? `reading ${subject}` : `${verb} on ${subject}`;
}

/** The same check for routes addressed by document id; a document you cannot see does not exist. */
export async function authorizeDocument(
  db: PrismaClient,
  caller: Caller,
  documentId: string,
  action: ProjectAction,
): Promise<ProjectAccess & { documentId: string }> {
  const [membership] = await db.$queryRaw<Membership[]>`
    SELECT d."projectId", m.role::text AS role, p."blindMode"
    FROM "Document" d JOIN "Project" p ON p.id = d."projectId"
    LEFT JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = ${caller.userId}
    WHERE d.id = ${documentId} AND d."deletedAt" IS NULL`;
  return { ...grant(membership, action, 'Document'), documentId };
}

const ITEM_TABLES = { annotation: Prisma.raw('"Annotation"'), relation: Prisma.raw('"Relation"'), comment: Prisma.raw('"DocumentComment"') };
const ITEM_NAMES = { annotation: 'Annotation', relation: 'Relation', comment: 'Comment' } as const;

/**
 * For routes addressed by annotation, relation or comment id: the item's document and the
 * caller's rights there, in one query. An item in a document you cannot see answers
 * like that document: not found.
 */
export async function authorizeItem(
  db: PrismaClient,
  caller: Caller,
  kind: keyof typeof ITEM_TABLES,
  id: string,
  action: ProjectAction,
): Promise<ProjectAccess & { documentId: string }> {
  const [item] = await db.$queryRaw<Array<Membership & { documentId: string }>>`
    SELECT d.id AS "documentId", d."projectId", m.role::text AS role, p."blindMode"
    FROM ${ITEM_TABLES[kind]} i
    LEFT JOIN "Document" d ON d.id = i."documentId" AND d."deletedAt" IS NULL
    LEFT JOIN "Project" p ON p.id = d."projectId"
    LEFT JOIN "Membership" m ON m."projectId" = d."projectId" AND m."userId" = ${caller.userId}
    WHERE i.id = ${id} AND i."deletedAt" IS NULL`;
  if (!item) throw notFound(ITEM_NAMES[kind]);
  return { ...grant(item, action, 'Document'), documentId: item.documentId };
}
