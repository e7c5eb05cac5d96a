import type { Caller } from '@/lib/auth/caller';
import type { PrismaClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { forbidden, HttpError, notFound } from '@/lib/http/errors';
import { can, canSeeOthersWork, type ProjectAction } from './policy';

export interface ProjectAccess {
  projectId: string;
  role: Role;
  blindMode: boolean;
  /** Whether the caller may see other annotators' spans, relations and answers. */
  seesOthersWork: boolean;
}

/**
 * The one authorization check for everything inside a project. Non-members get
 * 404 — the same answer as for a project that does not exist — so project ids
 * reveal nothing; members without the permission get 403 naming what they lack.
 */
export async function authorizeProject(
  db: PrismaClient,
  caller: Caller,
  projectId: string,
  action: ProjectAction,
): Promise<ProjectAccess> {
  const membership = await db.membership.findUnique({
    where: { projectId_userId: { projectId, userId: caller.userId } },
    select: { role: true, project: { select: { blindMode: true } } },
  });
  if (!membership) throw notFound('Project');
  if (!can(membership.role, action)) {
    throw forbidden(`Your role (${membership.role}) does not allow ${describe(action)} in this project.`);
  }
  return {
    projectId,
    role: membership.role,
    blindMode: membership.project.blindMode,
    seesOthersWork: canSeeOthersWork(membership.role, membership.project),
  };
}

function describe(action: ProjectAction): string {
  const [subject, verb] = action.split(':');
  return verb === 'read' ? `reading ${subject}` : `${verb} on ${subject}`;
}

/** The same check for routes addressed by document id; a document you cannot see does not exist. */
export async function authorizeDocument(
  db: PrismaClient,
  caller: Caller,
  documentId: string,
  action: ProjectAction,
): Promise<ProjectAccess & { documentId: string }> {
  const document = await db.document.findFirst({ where: { id: documentId, deletedAt: null }, select: { projectId: true } });
  if (!document) throw notFound('Document');
  try {
    return { ...(await authorizeProject(db, caller, document.projectId, action)), documentId };
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw notFound('Document');
    throw error;
  }
}
