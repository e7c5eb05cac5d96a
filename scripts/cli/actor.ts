import { authorizeProject } from '@/lib/access/project-access';
import type { ProjectAction } from '@/lib/access/policy';
import type { PrismaClient } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { normalizeEmail } from '@/lib/users/store';
import { UsageError } from './support';

/**
 * Who a CLI command acts as inside a project: the member named by --as-user, or
 * else the project's first owner. Either way the permission check is the server's.
 */
export async function projectActor(db: PrismaClient, projectId: string, email: string | undefined, action: ProjectAction) {
  const member = email
    ? await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { id: true, isAdmin: true } })
    : (
        await db.membership.findFirst({
          where: { projectId, role: 'OWNER' },
          orderBy: { createdAt: 'asc' },
          select: { user: { select: { id: true, isAdmin: true } } },
        })
      )?.user;
  if (!member) throw new UsageError(email ? `No user with e-mail ${normalizeEmail(email)}.` : `No project ${projectId}.`);
  const caller = { userId: member.id, isAdmin: member.isAdmin, via: 'token' as const };
  try {
    await authorizeProject(db, caller, projectId, action);
  } catch (error) {
    if (error instanceof HttpError) throw new UsageError(error.status === 404 ? `No project ${projectId} (for that user).` : error.message);
    throw error;
  }
  return caller;
}
