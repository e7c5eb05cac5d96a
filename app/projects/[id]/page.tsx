import type { Metadata } from 'next';
import Link from 'next/link';
import { DocumentList } from '@/components/projects/DocumentList';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { SchemaOverview } from '@/components/projects/SchemaOverview';
import { SettingsSummary } from '@/components/projects/SettingsSummary';
import { Markdown } from '@/components/ui/Markdown';
import { can } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { nextDocument } from '@/lib/assignments/store';
import { countDocuments, listDocuments } from '@/lib/documents/store';
import { getSchema } from '@/lib/schema/store';
import { loadProject, projectTitle, type ProjectPageProps } from './load-project';

export const dynamic = 'force-dynamic';

const DOCUMENT_LIMIT = 100;

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props) };
}

export default async function ProjectPage({ params }: ProjectPageProps) {
  const { id } = await params;
  const { caller, access, project } = await loadProject(id);
  const db = getPrisma();
  // Each part is loaded only if the role may read it, as the API would decide.
  const [listing, schema, next] = await Promise.all([
    can(access.role, 'documents:read')
      ? Promise.all([listDocuments(db, id, { take: DOCUMENT_LIMIT }), countDocuments(db, id)]).then(([documents, total]) => ({ documents, total }))
      : null,
    can(access.role, 'schema:read') ? getSchema(db, id) : null,
    nextDocument(db, id, caller.userId),
  ]);
  const mayEdit = can(access.role, 'project:update');

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="overview" />
      {project.description && <p className="lead">{project.description}</p>}
      {next && (
        <p>
          <Link className="button" href={`/projects/${id}/documents/${next.documentId}`}>
            {next.status === 'ASSIGNED' ? 'Start' : 'Continue'} annotating: {next.name}
          </Link>
        </p>
      )}

      <div className="project-grid">
        <div className="stack">
          {listing && (
            <section aria-labelledby="documents-heading" className="panel">
              <h2 id="documents-heading">Documents</h2>
              <DocumentList projectId={id} documents={listing.documents} total={listing.total} canImport={can(access.role, 'documents:write')} />
            </section>
          )}
          <section aria-labelledby="guidelines-heading" className="panel">
            <h2 id="guidelines-heading">Guidelines</h2>
            {project.guidelines.trim() ? (
              <Markdown>{project.guidelines}</Markdown>
            ) : (
              <p className="muted">
                No guidelines yet.{' '}
                {mayEdit && <Link href={`/projects/${id}/settings`}>Write them in Settings.</Link>}
              </p>
            )}
          </section>
        </div>
        <section aria-labelledby="settings-heading" className="panel">
          <h2 id="settings-heading">Settings</h2>
          <SettingsSummary {...project} />
          {mayEdit && (
            <p>
              <Link href={`/projects/${id}/settings`}>Change settings</Link>
            </p>
          )}
        </section>
      </div>

      {schema && (
        <section aria-labelledby="schema-heading" className="panel">
          <h2 id="schema-heading">Label schema</h2>
          <SchemaOverview labels={schema.labels} targets={schema.targets} />
        </section>
      )}
    </>
  );
}
