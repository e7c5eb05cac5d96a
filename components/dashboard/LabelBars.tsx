import { LAYER_TITLES } from '@/components/projects/layers';
import type { LayerDistribution } from '@/lib/dashboard/labels';
import { BAR_ROW, BAR_START, BarRow } from './BarRow';
import { CHART_WIDTH, ChartFigure } from './ChartFigure';

const COUNT = 70;

function describe({ labels }: LayerDistribution): string {
  return labels.map((l) => `${l.name}: ${l.annotators} by annotators${l.gold === null ? '' : `, ${l.gold} gold`}`).join('; ');
}

/** Horizontal bars of spans per label of one layer, in each label's colour; gold, when shown, as a pale bar under the annotators' one. */
export function LabelBars({ distribution }: { distribution: LayerDistribution }) {
  const { layer, labels } = distribution;
  const showsGold = labels.some((l) => l.gold !== null);
  const max = Math.max(1, ...labels.flatMap((l) => [l.annotators, l.gold ?? 0]));
  const length = (n: number) => (n / max) * (CHART_WIDTH - BAR_START - COUNT);
  return (
    <ChartFigure
      id={`label-bars-${layer.toLowerCase()}`}
      title={`Spans per label: ${LAYER_TITLES[layer]}`}
      legend={showsGold ? 'Full bar and first number: annotators’ spans; pale bar and second number: gold.' : undefined}
      description={describe(distribution)}
      height={labels.length * BAR_ROW}
      rows={labels}
      columns={[
        { header: 'Label', rowHeader: true, cell: (l) => l.name },
        { header: 'Annotators’ spans', cell: (l) => l.annotators },
        showsGold && { header: 'Gold spans', cell: (l) => l.gold },
      ]}
    >
      {labels.map((l, i) => (
        <BarRow
          key={l.id}
          index={i}
          name={l.name}
          count={l.gold === null ? l.annotators : `${l.annotators} · ${l.gold}`}
          countAt={BAR_START + length(Math.max(l.annotators, l.gold ?? 0))}
        >
          <rect data-bar="annotators" x={BAR_START} y={showsGold ? 4 : 6} width={length(l.annotators)} height={showsGold ? 11 : 16} fill={l.color} />
          {l.gold !== null && (
            <rect data-bar="gold" x={BAR_START} y={16} width={length(l.gold)} height={8} fill={l.color} fillOpacity={0.35} stroke={l.color} />
          )}
        </BarRow>
      ))}
    </ChartFigure>
  );
}
