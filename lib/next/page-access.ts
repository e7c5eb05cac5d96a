import 'server-only';
import { headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { authorizeProject, type ProjectAccess } from '@/lib/access/project-access';
import type { ProjectAction } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { HttpError } from '@/lib/http/errors';
import { resolveCaller, type Caller } from '@/lib/auth/caller';

/** For server components: the signed-in caller, or a redirect to the sign-in page. */
export async function requirePageCaller(): Promise<Caller> {
  const caller = await resolveCaller(getPrisma(), await headers()).catch(() => null);
  if (!caller) redirect('/signin');
  return caller;
}

/**
 * For project pages: the same authorization helper as the API, with the same answers
 * as real HTTP statuses: a non-member gets the 404 page, a member without the
 * permission the 403 page (app/forbidden.tsx). Pages whose section streams behind a
 * loading.tsx call it from the section's layout too, since once the loading state is
 * sent the status is 200 for good; cached, so the page's own call costs nothing.
 */
export const requireProjectPage = cache(async (projectId: string, action: ProjectAction): Promise<{ caller: Caller; access: ProjectAccess }> => {
  const caller = await requirePageCaller();
  try {
    return { caller, access: await authorizeProject(getPrisma(), caller, projectId, action) };
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) notFound();
    if (error instanceof HttpError && error.status === 403) forbidden();
    throw error;
  }
});
