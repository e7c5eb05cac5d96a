import styles from './review.module.css';

/** Says what the marks in the text mean, with a sample of each. */
export function TextLegend() {
  return (
    <ul className={styles.legend} aria-label="How candidates are marked">
      <li>
        <span className={`lane-underline ${styles.mark} ${styles.sample}`}>solid</span> all annotators agree
      </li>
      <li>
        <span className={`lane-underline ${styles.mark} ${styles.sample} ${styles.disputed}`}>dashed</span>
        <span className={`${styles.badge} ${styles.badgeDisputed}`}>2/3</span> disagreement: proposers of submitted
      </li>
      <li>
        <span className={styles.badge}>✓</span> in gold (thicker line)
      </li>
      <li>Hover for labels; click a mark to select its row.</li>
    </ul>
  );
}
