import { ExportPanel } from '@/components/export/ExportPanel';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { getPrisma } from '@/lib/db/client';
import { listMembers } from '@/lib/members/store';
import { loadSection, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

// Annotation teams are small; this only guards against an unbounded query.
const MEMBER_LIMIT = 500;

export const generateMetadata = sectionMetadata('Export');

export default async function ProjectExportPage(props: ProjectPageProps) {
  const { id, caller, access, project } = await loadSection(props, 'export');
  const members = await listMembers(getPrisma(), id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, { take: MEMBER_LIMIT });

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="export" />
      <p className="lead">
        Download the project as a dataset. Exports stream straight from the database, so they work for projects of any size; offsets are Unicode code points, as
        in Python, spaCy, Hugging Face and brat. Scripts can use <code>GET /api/v1/projects/{id}/export</code> or <code>npx glossa export</code> with the same
        choices.
      </p>
      <ExportPanel projectId={id} members={members.map(({ user }) => ({ id: user.id, name: user.name }))} />
    </>
  );
}
