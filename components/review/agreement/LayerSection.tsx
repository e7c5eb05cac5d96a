import { LAYER_TITLES } from '@/components/projects/layers';
import { plural } from '@/components/review/format';
import type { AnnotatorDiagnostics } from '@/lib/review/annotator-measures';
import { labelUsage } from '@/lib/review/label-usage';
import type { LayerReport } from '@/lib/review/report';
import type { SpanLayer } from '@/lib/schema/types';
import styles from './agreement.module.css';
import { CoefficientChart } from './CoefficientChart';
import { ConfusionMatrix } from './ConfusionMatrix';
import { pairAnchor } from './anchors';
import { AnnotatorTable } from './AnnotatorTable';
import { LabelTable } from './LabelTable';
import { LabelUsageChart } from './LabelUsageChart';
import { PairTable } from './PairTable';

interface LayerSectionProps {
  layer: SpanLayer;
  report: LayerReport;
  annotators: AnnotatorDiagnostics[];
  labelName: (key: string) => string;
  nameOf: (id: string) => string;
}

export function LayerSection({ layer, report, annotators, labelName, nameOf }: LayerSectionProps) {
  const title = LAYER_TITLES[layer];
  const headingId = `layer-${layer}`;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{title}</h2>
      <CoefficientChart
        label={`${title}: agreement coefficients`}
        rows={[
          { name: 'Token α (Krippendorff)', figure: report.tokenAlpha, alpha: true },
          { name: 'Fleiss’ κ (tokens)', figure: report.fleissKappa },
          { name: 'Unitizing α_u', detail: `over ${plural(report.unitizingAlpha.documents, 'document')}`, figure: report.unitizingAlpha, alpha: true },
        ]}
      />
      <p className="note">Bars run from 0 to 1 (values below 0 draw empty); the ticks mark α = .667 and .800.</p>

      <div className={styles.subsection}>
        <LabelTable labels={report.labels} labelName={labelName} nameOf={nameOf} />
      </div>

      {annotators.length > 0 && (
        <div className={styles.subsection}>
          <h3>Annotators</h3>
          <AnnotatorTable layer={layer} rows={annotators} pairs={report.pairs} nameOf={nameOf} />
          <LabelUsageChart usage={labelUsage(annotators)} labelName={labelName} nameOf={nameOf} />
        </div>
      )}

      {report.pairs.length > 0 && (
        <div className={styles.subsection}>
          <PairTable caption="Annotator pairs" pairs={report.pairs} nameOf={nameOf} />
          <h3>Confusion matrices</h3>
          {report.pairs.map((pair) => (
            <details key={`${pair.a}|${pair.b}`} id={pairAnchor(layer, pair.a, pair.b)} className={styles.details}>
              <summary>
                {nameOf(pair.a)} × {nameOf(pair.b)} ({plural(pair.tokens, 'token')})
              </summary>
              <ConfusionMatrix rowName={nameOf(pair.a)} columnName={nameOf(pair.b)} confusion={pair.confusion} />
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
