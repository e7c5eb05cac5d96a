import type { Metadata } from 'next';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { ROLE_NAMES } from '@/components/projects/roles';
import { SchemaEditor } from '@/components/schema/SchemaEditor';
import { SchemaReadOnly } from '@/components/schema/SchemaReadOnly';
import { can } from '@/lib/access/policy';
import { labelSchema } from '@/lib/api/schemas';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { getSchema } from '@/lib/schema/store';
import { loadProject, projectTitle, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props, 'Schema') };
}

export default async function ProjectSchemaPage({ params }: ProjectPageProps) {
  const { id } = await params;
  const { access } = await requireProjectPage(id, 'schema:read');
  const { project } = await loadProject(id);
  // The same shape the API answers with, which is what the editor gets back after saving.
  const schema = labelSchema.parse(await getSchema(getPrisma(), id));

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="schema" />
      {can(access.role, 'schema:write') ? (
        <>
          <p className="lead">
            The labels annotators choose from, layer by layer. Changes are saved together. Removing a label retires it: its annotations stay readable and
            exportable, and it can be restored.
          </p>
          <SchemaEditor projectId={id} initial={schema} />
        </>
      ) : (
        <SchemaReadOnly schema={schema} roleName={ROLE_NAMES[access.role]} />
      )}
    </>
  );
}
