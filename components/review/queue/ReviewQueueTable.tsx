import { DataTable } from '@/components/ui/DataTable';
import Link from 'next/link';
import { DisagreementValue } from '@/components/review/DisagreementValue';
import { DateText } from '@/components/ui/DateText';
import styles from './queue.module.css';

interface QueueRow {
  id: string;
  name: string;
  submitted: number;
  disagreement: number | null;
  goldSpans: number;
  adjudicatedAt: Date | null;
}

export function ReviewQueueTable({ projectId, rows }: { projectId: string; rows: QueueRow[] }) {
  return (
    <DataTable
      caption="Documents to review, most disagreement first"
      hideCaption
      rows={rows}
      columns={[
        { header: 'Document', rowHeader: true, cell: (row) => <Link href={`/projects/${projectId}/review/${row.id}`}>{row.name}</Link> },
        { header: 'Submitted', numeric: true, cell: (row) => row.submitted },
        { header: 'Disagreement', cell: (row) => <DisagreementValue value={row.disagreement} /> },
        { header: 'Gold spans', numeric: true, cell: (row) => row.goldSpans },
        { header: 'Review', cell: (row) => <ReviewState adjudicatedAt={row.adjudicatedAt} /> },
      ]}
    />
  );
}

function ReviewState({ adjudicatedAt }: { adjudicatedAt: Date | null }) {
  if (!adjudicatedAt) {
    return (
      <span className={`badge ${styles.open}`}>
        <span aria-hidden="true">○</span> Open
      </span>
    );
  }
  return (
    <span className={`badge ${styles.finished}`}>
      <span aria-hidden="true">✓</span> Finished <DateText value={adjudicatedAt} />
    </span>
  );
}
