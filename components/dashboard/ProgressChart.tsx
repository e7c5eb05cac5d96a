import type { TimelineDay } from '@/lib/dashboard/timeline';
import { CHART_WIDTH, ChartFigure } from './ChartFigure';
import styles from './charts.module.css';

const HEIGHT = 200;
const LEFT = 40;
const BOTTOM = 24;
const TOP = 10;
const DAY_MS = 86_400_000;
const SERIES = [
  { key: 'cumulativeSubmitted', name: 'Submitted', stroke: 'var(--accent)', dash: undefined },
  { key: 'cumulativeAdjudicated', name: 'Adjudicated', stroke: 'var(--fg)', dash: '6 4' },
] as const;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;

/**
 * Cumulative documents submitted and adjudicated as steps over calendar time: the x axis runs from
 * the day before the first event to the last one, so gaps between days show as flat stretches.
 */
export function ProgressChart({ timeline, showsAdjudication }: { timeline: TimelineDay[]; showsAdjudication: boolean }) {
  const series = showsAdjudication ? SERIES : SERIES.slice(0, 1);
  const first = dayNumber(timeline[0]!.day) - 1;
  const span = Math.max(1, dayNumber(timeline.at(-1)!.day) - first);
  const max = Math.max(1, ...timeline.map((d) => Math.max(d.cumulativeSubmitted, d.cumulativeAdjudicated)));
  const x = (day: string) => LEFT + ((dayNumber(day) - first) / span) * (CHART_WIDTH - LEFT - 10);
  const y = (n: number) => HEIGHT - BOTTOM - (n / max) * (HEIGHT - BOTTOM - TOP);
  const path = (key: (typeof SERIES)[number]['key']) => `M ${LEFT} ${y(0)} ${timeline.map((d) => `H ${x(d.day)} V ${y(d[key])}`).join(' ')}`;
  const last = timeline.at(-1)!;
  const legend = showsAdjudication
    ? 'Solid line: documents submitted by all their annotators; dashed line: documents adjudicated.'
    : 'Documents you submitted.';
  return (
    <ChartFigure
      id="progress-chart"
      title="Documents over time"
      legend={legend}
      description={`From ${timeline[0]!.day} to ${last.day}: ${series.map((s) => `${last[s.key]} ${s.name.toLowerCase()}`).join(', ')} in all.`}
      height={HEIGHT}
      rows={timeline}
      rowKey={(d) => d.day}
      columns={[
        { header: 'Day (UTC)', rowHeader: true, cell: (d) => d.day },
        { header: 'Submitted', cell: (d) => d.submitted },
        showsAdjudication && { header: 'Adjudicated', cell: (d) => d.adjudicated },
        { header: 'Submitted in all', cell: (d) => d.cumulativeSubmitted },
        showsAdjudication && { header: 'Adjudicated in all', cell: (d) => d.cumulativeAdjudicated },
      ]}
    >
      <line className={styles.axis} x1={LEFT} y1={y(0)} x2={CHART_WIDTH - 10} y2={y(0)} />
      <line className={styles.axis} x1={LEFT} y1={y(0)} x2={LEFT} y2={TOP} />
      <text x={LEFT - 6} y={y(max)} textAnchor="end" dominantBaseline="middle">
        {max}
      </text>
      <text x={LEFT - 6} y={y(0)} textAnchor="end" dominantBaseline="middle">
        0
      </text>
      <text x={LEFT} y={HEIGHT - 6}>
        {timeline[0]!.day}
      </text>
      <text x={CHART_WIDTH - 10} y={HEIGHT - 6} textAnchor="end">
        {last.day}
      </text>
      {series.map((s) => (
        <path key={s.key} data-series={s.key} d={path(s.key)} fill="none" stroke={s.stroke} strokeWidth={2} strokeDasharray={s.dash} />
      ))}
    </ChartFigure>
  );
}
