import Link from 'next/link';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { ROLE_NAMES } from '@/components/projects/roles';
import { AnnotatorProgressTable } from '@/components/review/progress/AnnotatorProgressTable';
import { AssignPanel } from '@/components/review/progress/AssignPanel';
import { DocumentProgressTable } from '@/components/review/progress/DocumentProgressTable';
import { namesOf } from '@/components/review/format';
import { EmptyState } from '@/components/ui/EmptyState';
import { can } from '@/lib/access/policy';
import { projectProgress } from '@/lib/assignments/store';
import { getPrisma } from '@/lib/db/client';
import { listDocuments } from '@/lib/documents/store';
import { loadSection, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

// Guards against an unbounded query; the assign panel lists every document it covers.
const DOCUMENT_LIMIT = 1000;

export const generateMetadata = sectionMetadata('Progress');

export default async function ProjectProgressPage(props: ProjectPageProps) {
  const { id, access, project } = await loadSection(props, 'agreement:read');
  const db = getPrisma();
  const [progress, documents] = await Promise.all([projectProgress(db, id), listDocuments(db, id, { take: DOCUMENT_LIMIT })]);
  const mayAssign = can(access.role, 'assignments:manage');

  // Members who never annotate (owners, curators without work) would only add rows of zeros.
  const people = progress.annotators.filter((a) => a.role === 'ANNOTATOR' || a.assigned > 0 || a.annotations > 0).sort((a, b) => a.name.localeCompare(b.name));
  const assigned = new Map(progress.documents.map((d) => [d.id, d.annotators]));
  const documentRows = documents.map((d) => ({ id: d.id, name: d.name, annotators: assigned.get(d.id) ?? [] }));
  // Everyone who may annotate can be assigned, owners, managers and curators included; the role is shown
  // and those who annotate (annotators, and anyone with work already) start chosen.
  const annotatorChoices = progress.annotators
    .filter((a) => can(a.role, 'annotations:write'))
    .map((a) => ({ id: a.id, name: `${a.name} (${ROLE_NAMES[a.role].toLowerCase()})`, chosen: a.role === 'ANNOTATOR' || a.assigned > 0 || a.annotations > 0 }));

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="progress" />
      <section aria-labelledby="annotators-heading" className="panel">
        <h2 id="annotators-heading">Annotators</h2>
        {people.length === 0 ? (
          <EmptyState title="No annotators yet.">
            <p>
              Add members with the Annotator role on the <Link href={`/projects/${id}/members`}>Members</Link> page.
            </p>
          </EmptyState>
        ) : (
          <AnnotatorProgressTable annotators={people} />
        )}
      </section>
      <section aria-labelledby="documents-heading" className="panel">
        <h2 id="documents-heading">Documents ({documents.length})</h2>
        <DocumentProgressTable projectId={id} documents={documentRows} nameOf={namesOf(progress.annotators)} mayReview={can(access.role, 'work:read-others')} />
      </section>
      {mayAssign && (
        <section aria-labelledby="assign-heading" className="panel">
          <h2 id="assign-heading">Assign documents</h2>
          {annotatorChoices.length === 0 || documents.length === 0 ? (
            <p className="muted">
              Assigning needs documents and members who may annotate{' '}
              {annotatorChoices.length === 0 && <Link href={`/projects/${id}/members`}>(add members)</Link>}.
            </p>
          ) : (
            <AssignPanel
              projectId={id}
              annotators={annotatorChoices}
              documents={documents.map((d) => ({ id: d.id, name: d.name }))}
              defaultPerDocument={project.annotatorsPerDocument}
            />
          )}
        </section>
      )}
    </>
  );
}
