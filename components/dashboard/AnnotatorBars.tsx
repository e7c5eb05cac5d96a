import type { AnnotatorCounts, LayerDistribution } from '@/lib/dashboard/labels';
import { ChartFigure, shorten } from './ChartFigure';
import styles from './charts.module.css';

const WIDTH = 640;
const NAME = 180;
const COUNT = 50;
const ROW = 28;
const ID = 'annotator-bars';

/**
 * One stacked bar per annotator: a segment per label in the label's colour, in schema order, on a
 * common scale so that the bars' lengths compare annotators' output.
 */
export function AnnotatorBars({ annotators, layers, own }: { annotators: AnnotatorCounts[]; layers: LayerDistribution[]; own: boolean }) {
  const labels = layers.flatMap((l) => l.labels);
  const used = labels.filter((l) => annotators.some((a) => (a.labels[l.id] ?? 0) > 0));
  const max = Math.max(1, ...annotators.map((a) => a.total));
  const length = (n: number) => (n / max) * (WIDTH - NAME - COUNT);
  const title = own ? 'Your spans per label' : 'Spans per label per annotator';
  const chart = (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${annotators.length * ROW}`} role="img" aria-labelledby={`${ID}-title ${ID}-desc`} data-chart={ID}>
      <title id={`${ID}-title`}>{title}</title>
      <desc id={`${ID}-desc`}>
        {annotators.map((a) => `${a.name}: ${a.total} (${used.map((l) => `${l.name} ${a.labels[l.id] ?? 0}`).join(', ')})`).join('; ')}
      </desc>
      {annotators.map((a, i) => {
        let x = NAME;
        return (
          <g key={a.userId} transform={`translate(0 ${i * ROW})`}>
            <text x={NAME - 8} y={ROW / 2} textAnchor="end" dominantBaseline="middle">
              {shorten(a.name)}
            </text>
            {used.map((l) => {
              const width = length(a.labels[l.id] ?? 0);
              const segment = <rect key={l.id} data-segment={l.key} x={x} y={6} width={width} height={16} fill={l.color} />;
              x += width;
              return segment;
            })}
            <text x={x + 6} y={ROW / 2} dominantBaseline="middle">
              {a.total}
            </text>
          </g>
        );
      })}
    </svg>
  );
  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">Annotator</th>
          {used.map((l) => (
            <th scope="col" key={l.id}>
              {l.name}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {annotators.map((a) => (
          <tr key={a.userId}>
            <th scope="row">{a.name}</th>
            {used.map((l) => (
              <td key={l.id}>{a.labels[l.id] ?? 0}</td>
            ))}
            <td>{a.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return <ChartFigure title={title} legend="Segments in each label’s colour, in the order of the label schema." chart={chart} table={table} />;
}
