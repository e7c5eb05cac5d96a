import type { Metadata } from 'next';
import { cache } from 'react';
import type { ProjectAction } from '@/lib/access/policy';
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

/** generateMetadata for a project section's page: "<section> · <project name>". */
export function sectionMetadata(section: string): (props: ProjectPageProps) => Promise<Metadata> {
  return async (props) => ({ title: await projectTitle(props, section) });
}

/** A project section's page: the project id from the URL, the caller authorized for `action`, and the project. */
export async function loadSection({ params }: ProjectPageProps, action: ProjectAction) {
  const { id } = await params;
  const { caller, access } = await requireProjectPage(id, action);
  const { project } = await loadProject(id);
  return { id, caller, access, project };
}
