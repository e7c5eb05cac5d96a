import type { Metadata } from 'next';
import Link from 'next/link';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { DocumentFilters } from '@/components/projects/DocumentFilters';
import { DocumentList } from '@/components/projects/DocumentList';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { RecommendersPanel } from '@/components/recommenders/RecommendersPanel';
import { SchemaOverview } from '@/components/projects/SchemaOverview';
import { SettingsSummary } from '@/components/projects/SettingsSummary';
import { Markdown } from '@/components/ui/Markdown';
import { can } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { nextDocument } from '@/lib/assignments/store';
import { projectDashboard } from '@/lib/dashboard/dashboard';
import { documentQueryString, hasActiveFilters, parseDocumentQuery, searchDocuments } from '@/lib/documents/search';
import { listMembers } from '@/lib/members/store';
import { listRecommenders } from '@/lib/recommenders/store';
import { getSchema } from '@/lib/schema/store';
import { loadProject, projectTitle, type ProjectPageProps } from './load-project';

export const dynamic = 'force-dynamic';

/** The project home also reads the document filters from the query string (Next 16: a promise). */
type ProjectHomeProps = ProjectPageProps & { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props) };
}

export default async function ProjectPage({ params, searchParams }: ProjectHomeProps) {
  const { id } = await params;
  const { caller, access, project } = await loadProject(id);
  const db = getPrisma();
  // Annotators see their own documents first; unticking "Only mine" sends mine=0.
  const defaultMine = access.role === 'ANNOTATOR';
  const { filters, page } = parseDocumentQuery(await searchParams, { defaultMine });
  // Each part is loaded only if the role may read it, as the API would decide.
  const [listing, members, schema, next, recommenders, dashboard] = await Promise.all([
    can(access.role, 'documents:read') ? searchDocuments(db, id, filters, { page, callerId: caller.userId, ownOnly: !access.seesOthersWork }) : null,
    can(access.role, 'members:read') ? listMembers(db, id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, { take: 500 }) : [],
    can(access.role, 'schema:read') ? getSchema(db, id) : null,
    nextDocument(db, id, caller.userId),
    can(access.role, 'recommenders:read') ? listRecommenders(db, id) : null,
    projectDashboard(db, id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }),
  ]);
  const mayEdit = can(access.role, 'project:update');
  const home = `/projects/${id}`;
  const clearHref = `${home}${documentQueryString({ mine: false, meta: [] }, 1, { defaultMine })}`;
  const pageHref = (n: number) => `${home}${documentQueryString(filters, n, { defaultMine })}`;
  const memberNames = Object.fromEntries(members.map((member) => [member.user.id, member.user.name]));

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
              {/* Blind annotators filter by their own assignments only: the server looks at nothing else. */}
              <DocumentFilters
                action={home}
                filters={filters}
                members={access.seesOthersWork ? members.map((member) => member.user) : []}
                clearHref={clearHref}
              />
              <DocumentList
                projectId={id}
                documents={listing.documents}
                total={listing.total}
                canImport={can(access.role, 'documents:write')}
                memberNames={memberNames}
                {...(hasActiveFilters(filters) && { clearHref })}
                offset={(listing.page - 1) * listing.pageSize + 1}
                {...(listing.page > 1 && { previousHref: pageHref(listing.page - 1) })}
                {...(listing.page * listing.pageSize < listing.total && { nextHref: pageHref(listing.page + 1) })}
              />
            </section>
          )}
          <section aria-labelledby="guidelines-heading" className="panel">
            <h2 id="guidelines-heading">Guidelines</h2>
            {project.guidelines.trim() ? (
              <Markdown>{project.guidelines}</Markdown>
            ) : (
              <p className="muted">No guidelines yet. {mayEdit && <Link href={`/projects/${id}/settings`}>Write them in Settings.</Link>}</p>
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

      <section aria-labelledby="dashboard-heading" className="panel">
        <h2 id="dashboard-heading">Dashboard</h2>
        <Dashboard dashboard={dashboard} />
      </section>

      {recommenders && (
        <section aria-labelledby="recommenders-heading" className="panel">
          <h2 id="recommenders-heading">Recommenders</h2>
          <RecommendersPanel projectId={id} initial={recommenders} manage={can(access.role, 'recommenders:manage')} />
        </section>
      )}

      {schema && (
        <section aria-labelledby="schema-heading" className="panel">
          <h2 id="schema-heading">Label schema</h2>
          <SchemaOverview labels={schema.labels} targets={schema.targets} />
        </section>
      )}
    </>
  );
}
