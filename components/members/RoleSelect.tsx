import type { SelectHTMLAttributes } from 'react';
import { ROLE_NAMES } from '@/components/projects/roles';
import type { Role } from '@/lib/generated/prisma/enums';

type RoleSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { roles: readonly Role[] };

export function RoleSelect({ roles, ...select }: RoleSelectProps) {
  return (
    <select {...select}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {ROLE_NAMES[role]}
        </option>
      ))}
    </select>
  );
}
