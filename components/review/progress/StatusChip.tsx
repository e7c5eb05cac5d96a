import styles from './progress.module.css';

export type AssignmentStatus = 'ASSIGNED' | 'IN_PROGRESS' | 'SUBMITTED';

const LOOK: Record<AssignmentStatus, { icon: string; text: string }> = {
  ASSIGNED: { icon: '○', text: 'not started' },
  IN_PROGRESS: { icon: '◐', text: 'in progress' },
  SUBMITTED: { icon: '✓', text: 'submitted' },
};

/** "✓ Ana: submitted": who and where they are, in words; the icon and colour only help scanning. */
export function StatusChip({ name, status }: { name: string; status: string }) {
  const look = LOOK[status as AssignmentStatus] ?? { icon: '?', text: status.toLowerCase() };
  return (
    <span className={`badge ${styles[status] ?? ''}`}>
      <span aria-hidden="true">{look.icon}</span> {name}: {look.text}
    </span>
  );
}
