import { DataTable } from '@/components/ui/DataTable';
import { formatPercent } from '@/components/review/format';
import type { LabelStats } from '@/lib/suggestions/stats';
import styles from './agreement.module.css';

/** How annotators received each recommender's suggestions, per label, with the days the decisions were made. */
export function SuggestionStatsSection({ stats, labelName }: { stats: LabelStats[]; labelName: (layer: string, key: string) => string }) {
  return (
    <section aria-labelledby="suggestion-stats-heading" className="panel">
      <h2 id="suggestion-stats-heading">Suggestions: acceptance</h2>
      <DataTable
        caption="Decisions on suggestions per recommender and label (edited and deleted: spans changed after accepting)"
        className={styles.table}
        rows={stats}
        rowKey={(row) => `${row.recommenderId}:${row.layer}:${row.label}`}
        columns={[
          { header: 'Recommender', rowHeader: true, cell: (row) => row.recommender },
          { header: 'Label', cell: (row) => labelName(row.layer, row.label) },
          { header: 'Accepted', numeric: true, cell: (row) => row.accepted },
          { header: 'Rejected', numeric: true, cell: (row) => row.rejected },
          { header: 'Acceptance', numeric: true, cell: (row) => (row.acceptance === null ? 'n/a' : formatPercent(row.acceptance)) },
          { header: 'Edited', numeric: true, cell: (row) => row.edited },
          { header: 'Deleted', numeric: true, cell: (row) => row.deleted },
          { header: 'By day (accepted / rejected)', cell: (row) => row.days.map((d) => `${d.day}: ${d.accepted} / ${d.rejected}`).join('; ') },
        ]}
      />
    </section>
  );
}
