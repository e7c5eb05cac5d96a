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
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            {viewer.mayManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map(({ role, user }) => {
            const isSelf = user.id === viewer.userId;
            const editable = viewer.mayManage && mayChangeMember(viewer.role, role);
            const member = { userId: user.id, name: user.name, role };
            return (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {isSelf && <span className="muted"> (you)</span>}
                </td>
                <td>{user.email ?? <span className="muted">hidden in blind mode</span>}</td>
                <td>
                  {editable ? (
                    // Keyed by role so the select starts from the new role after a refresh.
                    <RoleChanger key={role} projectId={projectId} member={member} roles={roles} />
                  ) : (
                    <RoleBadge role={role} />
                  )}
                </td>
                {viewer.mayManage && <td>{editable && <RemoveMemberButton projectId={projectId} member={member} isSelf={isSelf} />}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
