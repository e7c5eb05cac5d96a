import { cache } from 'react';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { getProject } from '@/lib/projects/store';

/**
 * Authorizes project:read and loads the project, once per request: the page and
 * its generateMetadata both call it. Pages needing more than project:read call
 * requireProjectPage again with their own action.
 */
export const loadProject = cache(async (projectId: string) => {
  const { caller, access } = await requireProjectPage(projectId, 'project:read');
  const project = await getProject(getPrisma(), projectId);
  return { caller, access, project };
});

export type ProjectPageProps = { params: Promise<{ id: string }> };

export async function projectTitle({ params }: ProjectPageProps, section?: string): Promise<string> {
  const { project } = await loadProject((await params).id);
  return section ? `${section} · ${project.name}` : project.name;
}
