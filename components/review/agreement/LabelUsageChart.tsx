import { Bar } from '@/components/review/Bar';
import type { LabelUsage } from '@/lib/review/label-usage';
import styles from './agreement.module.css';

const USE_TEXT = { over: 'over-uses', under: 'under-uses', typical: '' } as const;

/**
 * Spans of each label per document, one bar per annotator scaled to the label's busiest
 * annotator, with the rate printed and over- or under-use against the mean named in words.
 */
export function LabelUsageChart({ usage, labelName, nameOf }: { usage: LabelUsage[]; labelName: (key: string) => string; nameOf: (id: string) => string }) {
  const used = usage.filter((label) => label.mean > 0);
  if (used.length === 0) return null;
  return (
    <figure className={styles.usage}>
      <figcaption>Label usage: spans per document, by annotator (over/under-use: at least 1.5× or at most ⅔ of the mean)</figcaption>
      {used.map((label) => {
        const most = Math.max(...label.annotators.map((a) => a.perDocument));
        return (
          <dl key={label.label} className={styles.chart} aria-label={`${labelName(label.label)}: spans per document`}>
            {label.annotators.map((a) => (
              <div key={a.id} className={styles.chartRow}>
                <dt>
                  {labelName(label.label)} · {nameOf(a.id)}
                </dt>
                <dd>
                  <Bar fraction={most === 0 ? 0 : a.perDocument / most} />
                </dd>
                <dd>
                  <span className={styles.usageValue}>{a.perDocument.toFixed(2)}</span>
                  {a.use !== 'typical' && <span className={`badge ${styles[a.use]}`}> {USE_TEXT[a.use]}</span>}
                </dd>
              </div>
            ))}
          </dl>
        );
      })}
    </figure>
  );
}
