import { DataTable } from '@/components/ui/DataTable';
import { LAYER_TITLES } from '@/components/projects/layers';
import { FigureValue } from '@/components/review/FigureValue';
import { formatCoefficient, plural } from '@/components/review/format';
import shared from '@/components/review/shared.module.css';
import { modelBesideHumans, type PairMean } from '@/lib/review/model-comparison';
import type { ModelReport } from '@/lib/review/model-measures';
import type { AgreementReport } from '@/lib/review/report';
import styles from './agreement.module.css';

interface ModelSectionProps {
  report: Pick<AgreementReport, 'layers' | 'models'>;
  labelName: (layer: string, key: string) => string;
}

/** Each evaluated run: its agreement with the humans beside theirs with each other, then precision/recall against gold per label. */
export function ModelSection({ report, labelName }: ModelSectionProps) {
  return (
    <section aria-labelledby="models-heading" className="panel">
      <h2 id="models-heading">Models as annotators</h2>
      {report.models.length === 0 && <p>No finished recommender run to evaluate.</p>}
      {report.models.map((model) => (
        <div key={model.id}>
          <h3>{model.name}</h3>
          <p>
            Ran on {plural(model.documents, 'document')}; compared with gold on {plural(model.gold.documents, 'document')}.
          </p>
          <DataTable
            caption={`${model.name}: agreement beside the humans’ (mean over pairs)`}
            className={styles.table}
            rows={modelBesideHumans(report, model.id)}
            rowKey={(row) => row.layer}
            columns={[
              { header: 'Layer', rowHeader: true, cell: (row) => LAYER_TITLES[row.layer] },
              { header: 'κ human–human', cell: (row) => <Mean mean={row.humans.kappa} /> },
              { header: 'κ model–human', cell: (row) => <Mean mean={row.model.kappa} /> },
              { header: 'Span F1 human–human', cell: (row) => <Mean mean={row.humans.f1Overlap} /> },
              { header: 'Span F1 model–human', cell: (row) => <Mean mean={row.model.f1Overlap} /> },
            ]}
          />
          <GoldTable model={model} labelName={labelName} />
        </div>
      ))}
    </section>
  );
}

function Mean({ mean }: { mean: PairMean }) {
  if (mean.value === null) return <span className={shared.na}>n/a</span>;
  return (
    <span>
      {formatCoefficient(mean.value)}{' '}
      <span className={shared.reason}>
        ({plural(mean.pairs, 'pair')}
        {mean.undefinedPairs ? `, ${mean.undefinedPairs} undefined` : ''})
      </span>
    </span>
  );
}

function GoldTable({ model, labelName }: { model: ModelReport; labelName: ModelSectionProps['labelName'] }) {
  const rows = Object.entries(model.gold.layers).flatMap(([layer, scores]) => [
    { key: layer, name: `${LAYER_TITLES[layer as keyof typeof LAYER_TITLES]} (all labels)`, scores: scores.exact },
    ...Object.entries(scores.labels).map(([label, byLabel]) => ({ key: `${layer}:${label}`, name: labelName(layer, label), scores: byLabel.exact })),
  ]);
  if (rows.length === 0) return <p>No adjudicated document among those it ran on: nothing to compare with gold.</p>;
  return (
    <DataTable
      caption={`${model.name} against gold (exact spans)`}
      className={styles.table}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        { header: 'Label', rowHeader: true, cell: (row) => row.name },
        { header: 'Precision', cell: (row) => <FigureValue figure={row.scores.precision} /> },
        { header: 'Recall', cell: (row) => <FigureValue figure={row.scores.recall} /> },
        { header: 'F1', cell: (row) => <FigureValue figure={row.scores.f1} /> },
        {
          header: 'Matched / model / gold',
          numeric: true,
          cell: ({ scores }) => `${scores.tp} / ${scores.tp + scores.fp} / ${scores.tp + scores.fn}`,
        },
      ]}
    />
  );
}
