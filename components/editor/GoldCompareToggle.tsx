'use client';

import styles from './gold-compare.module.css';

interface GoldCompareToggleProps {
  on: boolean;
  loading: boolean;
  /** Said before the first look: for a blind annotator, seeing gold is recorded and has consequences. */
  warning?: string;
  onChange(on: boolean): void;
}

/** "Compare with gold": a toggle button (aria-pressed), shown once the document is submitted. */
export function GoldCompareToggle({ on, loading, warning, onChange }: GoldCompareToggleProps) {
  return (
    <div className={styles.toggleBar}>
      <button
        type="button"
        className={`button ${on ? 'button--primary' : 'button--secondary'}`}
        aria-pressed={on}
        aria-busy={loading || undefined}
        aria-describedby={warning ? 'gold-compare-warning' : undefined}
        title="Show where your annotations differ from the gold layer"
        onClick={() => onChange(!on)}
      >
        Compare with gold
      </button>
      {loading && <span className={styles.loading}>Loading gold…</span>}
      {warning && !loading && (
        <span id="gold-compare-warning" className={styles.loading}>
          {warning}
        </span>
      )}
    </div>
  );
}
