import type { Metadata } from 'next';
import { DeleteProjectForm } from '@/components/projects/DeleteProjectForm';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { ProjectSettingsForm } from '@/components/projects/ProjectSettingsForm';
import { ROLE_NAMES } from '@/components/projects/roles';
import { can } from '@/lib/access/policy';
import { loadProject, projectTitle, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props, 'Settings') };
}

export default async function ProjectSettingsPage({ params }: ProjectPageProps) {
  // project:read, then can(): a member without project:update gets an explanation, not an error page.
  const { access, project } = await loadProject((await params).id);

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="settings" />
      {can(access.role, 'project:update') ? (
        <>
          <section aria-labelledby="settings-heading" className="panel">
            <h2 id="settings-heading">Settings</h2>
            <ProjectSettingsForm project={project} />
          </section>
          {can(access.role, 'project:delete') && (
            <section aria-labelledby="danger-heading" className="panel danger-zone">
              <h2 id="danger-heading">Danger zone</h2>
              <p>Deleting the project removes all its documents, annotations and members for good. There is no undo.</p>
              <DeleteProjectForm project={project} />
            </section>
          )}
        </>
      ) : (
        <div className="notice" role="note">
          <p>
            You need the Manager or Owner role to change this project’s settings. Your role is {ROLE_NAMES[access.role]}; ask an owner if you need more access.
          </p>
        </div>
      )}
    </>
  );
}
