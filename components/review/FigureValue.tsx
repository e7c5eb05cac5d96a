import type { Figure } from '@/lib/review/figure';
import { formatCoefficient, formatPercent, reliability } from './format';
import styles from './shared.module.css';

/**
 * One coefficient. An undefined one reads "n/a" with its reason spelled out, since
 * "why is there no number" is exactly what a curator needs to know. With intervals on, the
 * interval follows the number (or why there is none), and for α the bootstrap's probability
 * that it is below .800.
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
      {figure.interval && <IntervalValue interval={figure.interval} alpha={interpret} />}
      {interpret && <ReliabilityTag alpha={figure.value} />}
    </span>
  );
}

function IntervalValue({ interval, alpha }: { interval: NonNullable<Figure['interval']>; alpha: boolean }) {
  if (!('lower' in interval)) return <span className={styles.reason}>no interval: {interval.reason}</span>;
  const level = `${Math.round(interval.confidence * 100)} %`;
  const below = alpha ? interval.below?.find((b) => b.threshold === 0.8) : undefined;
  return (
    <span className={styles.interval}>
      <span className={styles.number} title={`${level} confidence interval, ${interval.method} over ${interval.units} units`}>
        [{formatCoefficient(interval.lower)}, {formatCoefficient(interval.upper)}]
      </span>
      {below && <span className={styles.reason}>P(α &lt; .800) = {formatPercent(below.probability)}</span>}
    </span>
  );
}

const TONE = { reliable: 'badge--success', tentative: 'badge--warning', unreliable: styles.unreliable };

function ReliabilityTag({ alpha }: { alpha: number }) {
  const level = reliability(alpha);
  return <span className={`badge ${TONE[level]}`}>{level}</span>;
}
