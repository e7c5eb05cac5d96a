import type { Metadata } from 'next';
import { FormatHelp } from '@/components/import/FormatHelp';
import { ImportForm } from '@/components/import/ImportForm';
import { PasteTextForm } from '@/components/documents/PasteTextForm';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { ROLE_NAMES } from '@/components/projects/roles';
import { can } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { getSchema } from '@/lib/schema/store';
import { loadProject, projectTitle, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props, 'Import') };
}

export default async function ProjectImportPage({ params }: ProjectPageProps) {
  const { id } = await params;
  // project:read, then can(): a member without documents:write gets an explanation, not an error page.
  const { access, project } = await loadProject(id);
  const mayImport = can(access.role, 'documents:write');
  // Imports resolve labels against the active schema only, so only active labels can be mapping targets.
  const labels = mayImport
    ? (await getSchema(getPrisma(), id)).labels.filter((label) => !label.retired).map(({ layer, key, name }) => ({ layer, key, name }))
    : [];

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="import" />
      {mayImport ? (
        <>
          <p className="lead">
            Add documents, with or without annotations. All files are imported together in one go: if any record is invalid, nothing is imported and every
            problem is listed.
          </p>
          <ImportForm projectId={id} labels={labels} mayImportGold={can(access.role, 'gold:write')} />
          <PasteTextForm projectId={id} />
          <FormatHelp projectId={id} />
        </>
      ) : (
        <div className="notice" role="note">
          <p>
            You need the Manager or Owner role to import documents into this project. Your role is {ROLE_NAMES[access.role]}; ask an owner if you need more
            access.
          </p>
        </div>
      )}
    </>
  );
}
