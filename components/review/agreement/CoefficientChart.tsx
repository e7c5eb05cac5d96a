import { Bar } from '@/components/review/Bar';
import { FigureValue } from '@/components/review/FigureValue';
import { ALPHA_RELIABLE, ALPHA_TENTATIVE, barFraction } from '@/components/review/format';
import type { Figure } from '@/lib/review/figure';
import styles from './agreement.module.css';

interface ChartRow {
  name: string;
  /** What the figure was computed over, e.g. "over 4 documents". */
  detail?: string;
  figure: Figure;
  /** Krippendorff's α: marked against his .667 / .800 thresholds. */
  alpha?: boolean;
}

/** Coefficients as bars from 0 to 1, each with its number printed beside it. */
export function CoefficientChart({ label, rows }: { label: string; rows: ChartRow[] }) {
  return (
    <dl className={styles.chart} aria-label={label}>
      {rows.map((row) => (
        <div key={row.name} className={styles.chartRow}>
          <dt>
            {row.name}
            {row.detail && <span className="note"> {row.detail}</span>}
          </dt>
          <dd>
            <Bar fraction={barFraction(row.figure)} marks={row.alpha ? [ALPHA_TENTATIVE, ALPHA_RELIABLE] : []} />
          </dd>
          <dd>
            <FigureValue figure={row.figure} interpret={row.alpha} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
