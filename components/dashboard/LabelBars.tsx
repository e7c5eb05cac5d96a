import { LAYER_TITLES } from '@/components/projects/layers';
import type { LayerDistribution } from '@/lib/dashboard/labels';
import { ChartFigure, shorten } from './ChartFigure';
import styles from './charts.module.css';

const WIDTH = 640;
const NAME = 180;
const COUNT = 70;
const ROW = 28;

function describe({ labels }: LayerDistribution): string {
  return labels.map((l) => `${l.name}: ${l.annotators} by annotators${l.gold === null ? '' : `, ${l.gold} gold`}`).join('; ');
}

/** Horizontal bars of spans per label of one layer, in each label's colour; gold, when shown, as a pale bar under the annotators' one. */
export function LabelBars({ distribution }: { distribution: LayerDistribution }) {
  const { layer, labels } = distribution;
  const showsGold = labels.some((l) => l.gold !== null);
  const max = Math.max(1, ...labels.flatMap((l) => [l.annotators, l.gold ?? 0]));
  const length = (n: number) => (n / max) * (WIDTH - NAME - COUNT);
  const id = `label-bars-${layer.toLowerCase()}`;
  const title = `Spans per label: ${LAYER_TITLES[layer]}`;
  const chart = (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${labels.length * ROW}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart={id}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{describe(distribution)}</desc>
      {labels.map((l, i) => (
        <g key={l.id} transform={`translate(0 ${i * ROW})`}>
          <text x={NAME - 8} y={ROW / 2} textAnchor="end" dominantBaseline="middle">
            {shorten(l.name)}
          </text>
          <rect data-bar="annotators" x={NAME} y={showsGold ? 4 : 6} width={length(l.annotators)} height={showsGold ? 11 : 16} fill={l.color} />
          {l.gold !== null && <rect data-bar="gold" x={NAME} y={16} width={length(l.gold)} height={8} fill={l.color} fillOpacity={0.35} stroke={l.color} />}
          <text x={NAME + length(Math.max(l.annotators, l.gold ?? 0)) + 6} y={ROW / 2} dominantBaseline="middle">
            {l.gold === null ? l.annotators : `${l.annotators} · ${l.gold}`}
          </text>
        </g>
      ))}
    </svg>
  );
  const table = (
    <table>
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Annotators’ spans</th>
          {showsGold && <th scope="col">Gold spans</th>}
        </tr>
      </thead>
      <tbody>
        {labels.map((l) => (
          <tr key={l.id}>
            <th scope="row">{l.name}</th>
            <td>{l.annotators}</td>
            {showsGold && <td>{l.gold}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <ChartFigure
      title={title}
      {...(showsGold && { legend: 'Full bar and first number: annotators’ spans; pale bar and second number: gold.' })}
      chart={chart}
      table={table}
    />
  );
}
