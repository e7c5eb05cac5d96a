'use client';

import styles from './gold-compare.module.css';

interface GoldCompareToggleProps {
  on: boolean;
  loading: boolean;
  onChange(on: boolean): void;
}

/** "Compare with gold": a toggle button (aria-pressed), shown once the document is submitted. */
export function GoldCompareToggle({ on, loading, onChange }: GoldCompareToggleProps) {
  return (
    <div className={styles.toggleBar}>
      <button
        type="button"
        className={`button ${on ? 'button--primary' : 'button--secondary'}`}
        aria-pressed={on}
        aria-busy={loading || undefined}
        title="Show where your annotations differ from the gold layer. Seeing gold is recorded: afterwards only a curator can reopen this document, and changes you make are flagged after-gold."
        onClick={() => onChange(!on)}
      >
        Compare with gold
      </button>
      {loading && <span className={styles.loading}>Loading gold…</span>}
    </div>
  );
}
