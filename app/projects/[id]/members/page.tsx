import type { Metadata } from 'next';
import { AddMemberForm } from '@/components/members/AddMemberForm';
import { MembersTable } from '@/components/members/MembersTable';
import { RoleGuide } from '@/components/members/RoleGuide';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { rolesAssignableBy } from '@/components/projects/roles';
import { can } from '@/lib/access/policy';
import { requireProjectPage } from '@/lib/auth/page-access';
import { getPrisma } from '@/lib/db/client';
import { listMembers } from '@/lib/members/store';
import { loadProject, projectTitle, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

// Annotation teams are small; this only guards against an unbounded query.
const MEMBER_LIMIT = 500;

export async function generateMetadata(props: ProjectPageProps): Promise<Metadata> {
  return { title: await projectTitle(props, 'Members') };
}

export default async function ProjectMembersPage({ params }: ProjectPageProps) {
  const { id } = await params;
  const { caller, access } = await requireProjectPage(id, 'members:read');
  const { project } = await loadProject(id);
  const members = await listMembers(getPrisma(), id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, { take: MEMBER_LIMIT });
  const mayManage = can(access.role, 'members:manage');

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="members" />
      <section aria-labelledby="members-heading" className="panel">
        <h2 id="members-heading">Members ({members.length})</h2>
        <MembersTable projectId={id} members={members} viewer={{ userId: caller.userId, role: access.role, mayManage }} />
      </section>
      {mayManage && (
        <section aria-labelledby="add-member-heading" className="panel">
          <h2 id="add-member-heading">Add a member</h2>
          <AddMemberForm projectId={id} roles={rolesAssignableBy(access.role)} />
        </section>
      )}
      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">What each role can do</h2>
        <RoleGuide />
      </section>
    </>
  );
}
