import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { authorizeProject, type ProjectAccess } from '@/lib/access/project-access';
import type { ProjectAction } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { resolveCaller, type Caller } from './caller';

/** For server components: the signed-in caller, or a redirect to the sign-in page. */
export async function requirePageCaller(): Promise<Caller> {
  const caller = await resolveCaller(getPrisma(), await headers()).catch(() => null);
  if (!caller) redirect('/signin');
  return caller;
}

/**
 * For project pages: the same authorization helper as the API. A non-member gets
 * the 404 page; a member without the permission gets a 403 error page.
 */
export async function requireProjectPage(projectId: string, action: ProjectAction): Promise<{ caller: Caller; access: ProjectAccess }> {
  const caller = await requirePageCaller();
  try {
    return { caller, access: await authorizeProject(getPrisma(), caller, projectId, action) };
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  }
}
