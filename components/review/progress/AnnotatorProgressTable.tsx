import { type Column, DataTable } from '@/components/ui/DataTable';
import { Bar } from '@/components/review/Bar';
import { formatPercent } from '@/components/review/format';
import { RoleBadge } from '@/components/projects/RoleBadge';
import { formatDuration } from '@/lib/assignments/duration';
import type { Role } from '@/lib/generated/prisma/enums';
import styles from './progress.module.css';

interface AnnotatorProgress {
  id: string;
  name: string;
  role: Role;
  assigned: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  annotations: number;
  activeSeconds: number;
}

const COLUMNS: readonly Column<AnnotatorProgress>[] = [
  { header: 'Annotator', rowHeader: true, cell: (a) => a.name },
  { header: 'Role', cell: (a) => <RoleBadge role={a.role} /> },
  { header: 'Assigned', numeric: true, cell: (a) => a.assigned },
  { header: 'Not started', numeric: true, cell: (a) => a.notStarted },
  { header: 'In progress', numeric: true, cell: (a) => a.inProgress },
  { header: 'Submitted', numeric: true, cell: (a) => a.submitted },
  { header: 'Annotations made', numeric: true, cell: (a) => a.annotations },
  { header: 'Active time', numeric: true, cell: (a) => formatDuration(a.activeSeconds) },
  { header: 'Done', cell: (a) => <Done submitted={a.submitted} assigned={a.assigned} /> },
];

export function AnnotatorProgressTable({ annotators }: { annotators: AnnotatorProgress[] }) {
  return <DataTable caption="Progress per annotator" hideCaption rows={annotators} columns={COLUMNS} />;
}

function Done({ submitted, assigned }: { submitted: number; assigned: number }) {
  if (assigned === 0) return <span className="muted">nothing assigned</span>;
  return (
    <span className={styles.progressCell}>
      <Bar fraction={submitted / assigned} />
      <span>
        {submitted} of {assigned} ({formatPercent(submitted / assigned)})
      </span>
    </span>
  );
}
