import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import styles from './progress.module.css';

const LOOK: Record<AssignmentStatus, { icon: string; text: string }> = {
  ASSIGNED: { icon: '○', text: 'not started' },
  IN_PROGRESS: { icon: '◐', text: 'in progress' },
  SUBMITTED: { icon: '✓', text: 'submitted' },
};

/**
 * "✓ Ana: submitted": who and where they are, in words; the icon and colour only help scanning.
 * "after gold": they changed the document after gold was shown to them, so agreement leaves it out.
 */
export function StatusChip({ name, status, afterGold = false }: { name: string; status: string; afterGold?: boolean }) {
  const look = LOOK[status as AssignmentStatus] ?? { icon: '?', text: status.toLowerCase() };
  return (
    <span className={`badge ${styles[status] ?? ''}`} title={afterGold ? 'Changed after gold was shown to them: left out of agreement by default' : undefined}>
      <span aria-hidden="true">{look.icon}</span> {name}: {look.text}
      {afterGold && ', after gold'}
    </span>
  );
}
