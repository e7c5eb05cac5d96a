import type { Figure } from '@/lib/review/figure';
import { formatCoefficient, reliability } from './format';
import styles from './shared.module.css';

/**
 * One coefficient. An undefined one reads "n/a" with its reason spelled out, since
 * "why is there no number" is exactly what a curator needs to know.
 */
export function FigureValue({ figure, interpret = false }: { figure: Figure; interpret?: boolean }) {
  if (figure.value === null) {
    return (
      <span className={styles.undefinedFigure}>
        <span className={styles.na}>n/a</span>
        <span className={styles.reason}>{figure.reason ?? 'not defined for this data'}</span>
      </span>
    );
  }
  return (
    <span className={styles.figure}>
      <span className={styles.number}>{formatCoefficient(figure.value)}</span>
      {interpret && <ReliabilityTag alpha={figure.value} />}
    </span>
  );
}

function ReliabilityTag({ alpha }: { alpha: number }) {
  const level = reliability(alpha);
  return <span className={`badge ${styles[level]}`}>{level}</span>;
}
