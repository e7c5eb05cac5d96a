import { plural } from '@/components/review/format';
import type { AgreementReport } from '@/lib/review/report';
import styles from './agreement.module.css';

/** Which units each figure is computed over; the counts that vary (documents, tokens, units) are printed next to the figures. */
const UNITS: { figure: string; units: string }[] = [
  { figure: 'Token α, Fleiss’ κ, Cohen’s κ', units: 'tokens of the counted documents (pairs: the documents both annotators count for)' },
  { figure: 'Unitizing α_u', units: 'characters of the documents completed by every compared annotator' },
  { figure: 'Span F1 (exact, overlap)', units: 'spans in the documents both annotators count for' },
  { figure: 'Stance α', units: '(document, target) pairs where someone marked a stance towards the target' },
  { figure: 'Document questions α', units: '(document, question) answers; multi-choice questions per option' },
  {
    figure: 'Relation F1, relation-type α',
    units: 'relations in the documents both annotators count for; (document, source, target) pairs related by two or more annotators',
  },
  { figure: 'Confidence intervals', units: 'documents for the token figures, (document, target) pairs for stance, (document, question) units for questions' },
  { figure: 'Disagreement ranking', units: 'per document, spans of every pair of its counted annotators' },
];

export function ScopeBox({ scope }: { scope: AgreementReport['scope'] }) {
  return (
    <section aria-labelledby="scope-heading" className="panel">
      <h2 id="scope-heading">What is compared</h2>
      <dl className={styles.facts}>
        <div>
          <dt>Documents counted</dt>
          <dd>
            {plural(scope.documents, 'document')}: {scope.documentRule}, where at least two annotators count.
          </dd>
        </div>
        <div>
          <dt>Left out</dt>
          <dd>{plural(scope.excludedDocuments, 'document')} with fewer than two counted annotators.</dd>
        </div>
        <div>
          <dt>Annotators</dt>
          <dd>{scope.annotators.length === 0 ? 'none yet' : scope.annotators.map((a) => a.name).join(', ')}</dd>
        </div>
      </dl>
      <h3>Units of each figure</h3>
      <dl className={styles.facts}>
        {UNITS.map(({ figure, units }) => (
          <div key={figure}>
            <dt>{figure}</dt>
            <dd>{units}</dd>
          </div>
        ))}
      </dl>
      <h3>Rules</h3>
      <ul className={styles.rules}>
        {scope.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <p className={`note ${styles.hint}`}>
        Reading α (Krippendorff): ≥ .800 reliable; .667–.800 good enough only for tentative conclusions; below .667 unreliable. κ and F1 are shown for diagnosis
        without thresholds. A figure reads “n/a” with its reason when the data cannot define it.
      </p>
    </section>
  );
}
