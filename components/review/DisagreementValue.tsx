import { Bar } from './Bar';
import { FigureValue } from './FigureValue';
import { barFraction } from './format';
import styles from './shared.module.css';

/** A document's disagreement (1 − mean pairwise overlap F1) as a bar and its number. */
export function DisagreementValue({ value }: { value: number | null }) {
  const figure = value === null ? { value, reason: 'no counted annotator marked a span here' } : { value };
  return (
    <span className={styles.figure}>
      <Bar fraction={barFraction(figure)} />
      <FigureValue figure={figure} />
    </span>
  );
}
