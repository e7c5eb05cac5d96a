import styles from './shared.module.css';

/**
 * A proportion drawn as a bar. Hidden from assistive technology: callers always print
 * the number beside it, so the bar adds nothing to hear.
 */
export function Bar({ fraction, marks = [] }: { fraction: number; marks?: readonly number[] }) {
  return (
    <span className={styles.bar} aria-hidden="true">
      <span className={styles.barFill} style={{ width: `${fraction * 100}%` }} />
      {marks.map((mark) => (
        <span key={mark} className={styles.barMark} style={{ left: `${mark * 100}%` }} />
      ))}
    </span>
  );
}
