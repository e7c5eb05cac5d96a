import { InviteMemberForm } from '@/components/members/InviteMemberForm';
import { MembersTable } from '@/components/members/MembersTable';
import { PendingInvitations } from '@/components/members/PendingInvitations';
import { RoleGuide } from '@/components/members/RoleGuide';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { rolesAssignableBy } from '@/components/projects/roles';
import { can } from '@/lib/access/policy';
import { getPrisma } from '@/lib/db/client';
import { listProjectInvitations } from '@/lib/members/invitations';
import { listMembers } from '@/lib/members/store';
import { loadSection, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

// Annotation teams are small; this only guards against an unbounded query.
const MEMBER_LIMIT = 500;

export const generateMetadata = sectionMetadata('Members');

export default async function ProjectMembersPage(props: ProjectPageProps) {
  const { id, caller, access, project } = await loadSection(props, 'members:read');
  const mayManage = can(access.role, 'members:manage');
  const [members, invitations] = await Promise.all([
    listMembers(getPrisma(), id, { userId: caller.userId, seesOthersWork: access.seesOthersWork }, { take: MEMBER_LIMIT }),
    mayManage ? listProjectInvitations(getPrisma(), id) : [],
  ]);

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="members" />
      <section aria-labelledby="members-heading" className="panel">
        <h2 id="members-heading">Members ({members.length})</h2>
        <MembersTable projectId={id} members={members} viewer={{ userId: caller.userId, role: access.role, mayManage }} />
      </section>
      {mayManage && (
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">Invite a member</h2>
          <InviteMemberForm projectId={id} roles={rolesAssignableBy(access.role)} />
          <h3>Pending invitations</h3>
          <PendingInvitations projectId={id} invitations={invitations} />
        </section>
      )}
      <section aria-labelledby="roles-heading" className="panel">
        <h2 id="roles-heading">What each role can do</h2>
        <RoleGuide />
      </section>
    </>
  );
}
