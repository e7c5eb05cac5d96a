import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { ROLE_NAMES } from '@/components/projects/roles';
import { SchemaEditor } from '@/components/schema/SchemaEditor';
import { SchemaReadOnly } from '@/components/schema/SchemaReadOnly';
import { can } from '@/lib/access/policy';
import { labelSchema } from '@/lib/api/schemas';
import { getPrisma } from '@/lib/db/client';
import { getSchema } from '@/lib/schema/store';
import { loadSection, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

export const generateMetadata = sectionMetadata('Schema');

export default async function ProjectSchemaPage(props: ProjectPageProps) {
  const { id, access, project } = await loadSection(props, 'schema:read');
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
