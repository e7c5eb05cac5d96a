import type { AnnotatorCounts, LayerDistribution } from '@/lib/dashboard/labels';
import { BAR_ROW, BAR_START, BarRow } from './BarRow';
import { CHART_WIDTH, ChartFigure } from './ChartFigure';

const COUNT = 50;

/**
 * One stacked bar per annotator: a segment per label in the label's colour, in schema order, on a
 * common scale so that the bars' lengths compare annotators' output.
 */
export function AnnotatorBars({ annotators, layers, own }: { annotators: AnnotatorCounts[]; layers: LayerDistribution[]; own: boolean }) {
  const labels = layers.flatMap((l) => l.labels);
  const used = labels.filter((l) => annotators.some((a) => (a.labels[l.id] ?? 0) > 0));
  const max = Math.max(1, ...annotators.map((a) => a.total));
  const length = (n: number) => (n / max) * (CHART_WIDTH - BAR_START - COUNT);
  const title = own ? 'Your spans per label' : 'Spans per label per annotator';
  return (
    <ChartFigure
      id="annotator-bars"
      title={title}
      legend="Segments in each label’s colour, in the order of the label schema."
      description={annotators.map((a) => `${a.name}: ${a.total} (${used.map((l) => `${l.name} ${a.labels[l.id] ?? 0}`).join(', ')})`).join('; ')}
      height={annotators.length * BAR_ROW}
      rows={annotators}
      rowKey={(a) => a.userId}
      columns={[
        { header: 'Annotator', rowHeader: true, cell: (a) => a.name },
        ...used.map((l) => ({ header: l.name, cell: (a: AnnotatorCounts) => a.labels[l.id] ?? 0 })),
        { header: 'Total', cell: (a) => a.total },
      ]}
    >
      {annotators.map((a, i) => {
        let x = BAR_START;
        const segments = used.map((l) => {
          const width = length(a.labels[l.id] ?? 0);
          const segment = <rect key={l.id} data-segment={l.key} x={x} y={6} width={width} height={16} fill={l.color} />;
          x += width;
          return segment;
        });
        return (
          <BarRow key={a.userId} index={i} name={a.name} count={a.total} countAt={x}>
            {segments}
          </BarRow>
        );
      })}
    </ChartFigure>
  );
}
