import Link from 'next/link';
import { DisagreementValue } from '@/components/review/DisagreementValue';
import shared from '@/components/review/shared.module.css';
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
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Documents to review, most disagreement first</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col" className="numeric">
              Submitted
            </th>
            <th scope="col">Disagreement</th>
            <th scope="col" className="numeric">
              Gold spans
            </th>
            <th scope="col">Review</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={shared.rowHeader}>
                <Link href={`/projects/${projectId}/review/${row.id}`}>{row.name}</Link>
              </th>
              <td className={shared.numericCell}>{row.submitted}</td>
              <td>
                <DisagreementValue value={row.disagreement} />
              </td>
              <td className={shared.numericCell}>{row.goldSpans}</td>
              <td>
                {row.adjudicatedAt ? (
                  <span className={`badge ${styles.finished}`}>
                    <span aria-hidden="true">✓</span> Finished <DateText value={row.adjudicatedAt} />
                  </span>
                ) : (
                  <span className={`badge ${styles.open}`}>
                    <span aria-hidden="true">○</span> Open
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
