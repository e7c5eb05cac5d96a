import { DataTable } from '@/components/ui/DataTable';
import { FigureValue } from '@/components/review/FigureValue';
import { plural } from '@/components/review/format';
import type { LabelReport } from '@/lib/review/report';
import styles from './agreement.module.css';
import { PairTable } from './PairTable';

interface LabelTableProps {
  labels: Record<string, LabelReport>;
  labelName: (key: string) => string;
  nameOf: (id: string) => string;
}

/** No pair of annotators marked this label anywhere: every row of it would read n/a. */
function unused(report: LabelReport): boolean {
  return report.pairs.length > 0 && report.pairs.every((pair) => pair.f1Exact.value === null);
}

/** Each label as its own inside/outside variable, so one confusable label stands out from a good layer average. */
export function LabelTable({ labels, labelName, nameOf }: LabelTableProps) {
  const entries = Object.entries(labels);
  const used = entries.filter(([, report]) => !unused(report));
  const idle = entries.filter(([, report]) => unused(report));
  return (
    <>
      {used.length > 0 && <UsedLabels labels={used} labelName={labelName} nameOf={nameOf} />}
      {idle.length > 0 && (
        <p className="note">Not used by any counted annotator (every figure would be n/a): {idle.map(([key]) => labelName(key)).join(', ')}.</p>
      )}
    </>
  );
}

function UsedLabels({ labels, labelName, nameOf }: { labels: [string, LabelReport][] } & Omit<LabelTableProps, 'labels'>) {
  return (
    <DataTable
      caption="Per label"
      className={styles.table}
      rows={labels}
      rowKey={([key]) => key}
      columns={[
        {
          header: 'Label',
          rowHeader: true,
          cell: ([key]) => (
            <>
              {labelName(key)} <code>{key}</code>
            </>
          ),
        },
        { header: 'Token α', cell: ([, report]) => <FigureValue figure={report.tokenAlpha} interpret /> },
        {
          header: 'Unitizing α_u',
          cell: ([, report]) => (
            <>
              <FigureValue figure={report.unitizingAlpha} interpret />
              <div className="note">over {plural(report.unitizingAlpha.documents, 'document')}</div>
            </>
          ),
        },
        {
          header: 'Annotator pairs',
          cell: ([key, report]) =>
            report.pairs.length === 0 ? (
              <span className="muted">none</span>
            ) : (
              <details className={styles.details}>
                <summary>
                  κ and F1 for {plural(report.pairs.length, 'pair')}
                  <span className="visually-hidden"> on {key}</span>
                </summary>
                <PairTable caption={`${labelName(key)}: annotator pairs`} pairs={report.pairs} nameOf={nameOf} />
              </details>
            ),
        },
      ]}
    />
  );
}
