import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import styles from './progress.module.css';

const LOOK: Record<AssignmentStatus, { icon: string; text: string; tone: string | undefined }> = {
  ASSIGNED: { icon: '○', text: 'not started', tone: styles.notStarted },
  IN_PROGRESS: { icon: '◐', text: 'in progress', tone: 'badge--warning' },
  SUBMITTED: { icon: '✓', text: 'submitted', tone: 'badge--success' },
};

/**
 * "✓ Ana: submitted": who and where they are, in words; the icon and colour only help scanning.
 * "after gold": they changed the document after gold was shown to them, so agreement leaves it out.
 */
export function StatusChip({ name, status, afterGold = false }: { name: string; status: string; afterGold?: boolean }) {
  const look = LOOK[status as AssignmentStatus] ?? { icon: '?', text: status.toLowerCase(), tone: '' };
  return (
    <span className={`badge ${look.tone ?? ''}`} title={afterGold ? 'Changed after gold was shown to them: left out of agreement by default' : undefined}>
      <span aria-hidden="true">{look.icon}</span> {name}: {look.text}
      {afterGold && ', after gold'}
    </span>
  );
}
