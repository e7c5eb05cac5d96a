import { formatPercent } from '@/components/review/format';
import shared from '@/components/review/shared.module.css';
import type { LabelStats } from '@/lib/suggestions/stats';
import styles from './agreement.module.css';

/** How annotators received each recommender's suggestions, per label, with the days the decisions were made. */
export function SuggestionStatsSection({ stats, labelName }: { stats: LabelStats[]; labelName: (layer: string, key: string) => string }) {
  return (
    <section aria-labelledby="suggestion-stats-heading" className="panel">
      <h2 id="suggestion-stats-heading">Suggestions: acceptance</h2>
      <div className="table-wrap">
        <table className={`table ${styles.table}`}>
          <caption>Decisions on suggestions per recommender and label (edited and deleted: spans changed after accepting)</caption>
          <thead>
            <tr>
              <th scope="col">Recommender</th>
              <th scope="col">Label</th>
              <th scope="col" className="numeric">
                Accepted
              </th>
              <th scope="col" className="numeric">
                Rejected
              </th>
              <th scope="col" className="numeric">
                Acceptance
              </th>
              <th scope="col" className="numeric">
                Edited
              </th>
              <th scope="col" className="numeric">
                Deleted
              </th>
              <th scope="col">By day (accepted / rejected)</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((row) => (
              <tr key={`${row.recommenderId}:${row.layer}:${row.label}`}>
                <th scope="row" className={shared.rowHeader}>
                  {row.recommender}
                </th>
                <td>{labelName(row.layer, row.label)}</td>
                <td className={shared.numericCell}>{row.accepted}</td>
                <td className={shared.numericCell}>{row.rejected}</td>
                <td className={shared.numericCell}>{row.acceptance === null ? 'n/a' : formatPercent(row.acceptance)}</td>
                <td className={shared.numericCell}>{row.edited}</td>
                <td className={shared.numericCell}>{row.deleted}</td>
                <td>{row.days.map((d) => `${d.day}: ${d.accepted} / ${d.rejected}`).join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
