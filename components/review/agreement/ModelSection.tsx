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
          <div className="table-wrap">
            <table className={`table ${styles.table}`}>
              <caption>{model.name}: agreement beside the humans’ (mean over pairs)</caption>
              <thead>
                <tr>
                  <th scope="col">Layer</th>
                  <th scope="col">κ human–human</th>
                  <th scope="col">κ model–human</th>
                  <th scope="col">Span F1 human–human</th>
                  <th scope="col">Span F1 model–human</th>
                </tr>
              </thead>
              <tbody>
                {modelBesideHumans(report, model.id).map((row) => (
                  <tr key={row.layer}>
                    <th scope="row" className={shared.rowHeader}>
                      {LAYER_TITLES[row.layer]}
                    </th>
                    <td>
                      <Mean mean={row.humans.kappa} />
                    </td>
                    <td>
                      <Mean mean={row.model.kappa} />
                    </td>
                    <td>
                      <Mean mean={row.humans.f1Overlap} />
                    </td>
                    <td>
                      <Mean mean={row.model.f1Overlap} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <caption>{model.name} against gold (exact spans)</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col" className="numeric">
              Matched / model / gold
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className={shared.rowHeader}>
                {row.name}
              </th>
              <td>
                <FigureValue figure={row.scores.precision} />
              </td>
              <td>
                <FigureValue figure={row.scores.recall} />
              </td>
              <td>
                <FigureValue figure={row.scores.f1} />
              </td>
              <td className={shared.numericCell}>
                {row.scores.tp} / {row.scores.tp + row.scores.fp} / {row.scores.tp + row.scores.fn}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
