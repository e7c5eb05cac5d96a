import { ROLE_NAMES, ROLE_SUMMARIES } from '@/components/projects/roles';
import { ROLES } from '@/lib/access/policy';

export function RoleGuide() {
  return (
    <dl className="summary">
      {ROLES.map((role) => (
        <div key={role}>
          <dt>{ROLE_NAMES[role]}</dt>
          <dd>{ROLE_SUMMARIES[role]}</dd>
        </div>
      ))}
    </dl>
  );
}
