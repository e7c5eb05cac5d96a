import type { Role } from '@/lib/generated/prisma/enums';
import { ROLE_NAMES } from './roles';

/** `context` is read out before the role (e.g. "Your role") where the badge alone would be ambiguous. */
export function RoleBadge({ role, context }: { role: Role; context?: string }) {
  return (
    <span className={`badge badge--${role.toLowerCase()}`}>
      {context && <span className="visually-hidden">{context}: </span>}
      {ROLE_NAMES[role]}
    </span>
  );
}
