import { DataTable } from '@/components/ui/DataTable';
import { RoleBadge } from '@/components/projects/RoleBadge';
import { mayChangeMember, rolesAssignableBy } from '@/components/projects/roles';
import type { Role } from '@/lib/generated/prisma/enums';
import { RemoveMemberButton } from './RemoveMemberButton';
import { RoleChanger } from './RoleChanger';

interface MemberRow {
  role: Role;
  /** `email` is null for other members when the viewer annotates blind. */
  user: { id: string; name: string; email: string | null };
}

interface MembersTableProps {
  projectId: string;
  members: MemberRow[];
  viewer: { userId: string; role: Role; mayManage: boolean };
}

export function MembersTable({ projectId, members, viewer }: MembersTableProps) {
  const roles = rolesAssignableBy(viewer.role);
  const editable = (role: Role) => viewer.mayManage && mayChangeMember(viewer.role, role);
  return (
    <DataTable
      rows={members}
      rowKey={({ user }) => user.id}
      columns={[
        {
          header: 'Name',
          cell: ({ user }) => (
            <>
              {user.name}
              {user.id === viewer.userId && <span className="muted"> (you)</span>}
            </>
          ),
        },
        { header: 'E-mail', cell: ({ user }) => user.email ?? <span className="muted">hidden in blind mode</span> },
        {
          header: 'Role',
          cell: ({ role, user }) =>
            editable(role) ? (
              // Keyed by role so the select starts from the new role after a refresh.
              <RoleChanger key={role} projectId={projectId} member={memberOf(role, user)} roles={roles} />
            ) : (
              <RoleBadge role={role} />
            ),
        },
        viewer.mayManage && {
          header: 'Actions',
          hideHeader: true,
          cell: ({ role, user }) =>
            editable(role) && <RemoveMemberButton projectId={projectId} member={memberOf(role, user)} isSelf={user.id === viewer.userId} />,
        },
      ]}
    />
  );
}

const memberOf = (role: Role, user: MemberRow['user']) => ({ userId: user.id, name: user.name, role });
