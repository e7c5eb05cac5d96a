import type { Figure } from '../figure';
import { describeDangling, describeExcluded } from '../excluded';
import type { SpanLayer } from '@/lib/schema/types';
import type { ExcludedWork } from '../input';
import { intervalRule, percent } from '../intervals';
import type { AgreementReport } from '../report';

/**
 * The methods paragraph: who coded what, the headline figures with their intervals, how the
 * intervals were made. Text to paste and then edit, so it states the figures and rules plainly
 * and names each coefficient's source (REFERENCES).
 */
export const REFERENCES = [
  'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
  'Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin, 76(5), 378–382.',
  'Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure ' +
    'for coding data. Communication Methods and Measures, 1(1), 77–89.',
  'Hripcsak, G., & Rothschild, A. S. (2005). Agreement, the F-measure, and reliability in ' +
    'information retrieval. Journal of the American Medical Informatics Association, 12(3), 296–298.',
  'Hughes, J. (2022). Toward improved inference for Krippendorff’s Alpha agreement coefficient. arXiv:2210.13265.',
  'Krippendorff, K. (2011). Computing Krippendorff’s alpha-reliability. Annenberg School for Communication, Departmental Papers 43.',
  'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of ' +
    'unitizing textual continua: Further developments. Quality & Quantity, 50(6), 2347–2364.',
];

const LAYER_NAMES: Record<SpanLayer, string> = { ENTITY: 'entity', STANCE: 'stance', FRAME: 'framing' };

/** APA style: two decimals, no leading zero, a real minus sign. */
function coefficient(value: number, digits = 2): string {
  const text = Math.abs(value).toFixed(digits).replace(/^0\./, '.');
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

/** ".81 [95 % CI .77, .85]", or ".81" without an interval, or "n/a (reason)". */
export function withInterval(figure: Figure, digits = 2): string {
  if (figure.value === null) return `n/a (${figure.reason ?? 'undefined for these data'})`;
  const interval = figure.interval;
  if (!interval || !('lower' in interval)) return coefficient(figure.value, digits);
  return (
    `${coefficient(figure.value, digits)} [${percent(interval.confidence)} CI ` +
    `${coefficient(interval.lower, digits)}, ${coefficient(interval.upper, digits)}]`
  );
}

export function methodsParagraph(report: AgreementReport & { excluded?: ExcludedWork }): string {
  const { scope } = report;
  if (scope.documents === 0) return scope.message ?? 'No document was coded by two or more annotators.';
  const sentences: string[] = [];
  // Recommender runs evaluated as coders are named as models, never counted as annotators.
  const models = new Set(report.models.map((m) => m.id));
  const names = scope.annotators.filter((a) => !models.has(a.id)).map((a) => a.name);
  const runs = scope.annotators.filter((a) => models.has(a.id)).map((a) => a.name);
  sentences.push(
    `${capitalized(count(names.length, 'annotator'))} (${names.join(', ')})` +
      `${runs.length ? ` and ${count(runs.length, 'model run')} evaluated as coders (${runs.join(', ')})` : ''} coded ` +
      `${count(scope.documents, 'document')} independently (counted: ` +
      `${scope.documentRule}${scope.excludedDocuments ? `; ${count(scope.excludedDocuments, 'document')} with fewer than two annotators left out` : ''}).`,
  );
  // Work an annotator changed after seeing gold is not independent: the text says what became of it.
  const afterGold = report.excluded && describeExcluded(report.excluded);
  if (afterGold) sentences.push(afterGold);
  const dangling = report.excluded && describeDangling(report.excluded);
  if (dangling) sentences.push(dangling);
  for (const [layer, r] of Object.entries(report.layers) as [SpanLayer, NonNullable<AgreementReport['layers'][SpanLayer]>][]) {
    const name = LAYER_NAMES[layer];
    const parts = [`Krippendorff’s α for ${name} tokens (nominal; ${r.tokens.toLocaleString('en')} tokens) was ${withInterval(r.tokenAlpha)}`];
    if (r.fleissKappa.value !== null) parts.push(`Fleiss’ κ ${withInterval(r.fleissKappa)}`);
    if (r.unitizingAlpha.value !== null) parts.push(`unitizing α_u over the character continuum ${withInterval(r.unitizingAlpha)}`);
    sentences.push(`${parts.join(', ')}.`);
    const labels = Object.entries(r.labels).filter(([, l]) => l.tokenAlpha.value !== null);
    if (labels.length > 1) {
      const sorted = labels.sort(([, x], [, y]) => x.tokenAlpha.value! - y.tokenAlpha.value!);
      const [lowName, low] = sorted[0]!;
      const [highName, high] = sorted.at(-1)!;
      sentences.push(`Per ${name} label, α ranged from ${withInterval(low.tokenAlpha)} (${lowName}) to ${withInterval(high.tokenAlpha)} (${highName}).`);
    }
    const kappas = r.pairs.map((p) => p.cohenKappa.value).filter((v): v is number => v !== null);
    if (kappas.length > 1) sentences.push(`Pairwise Cohen’s κ ranged from ${coefficient(Math.min(...kappas))} to ${coefficient(Math.max(...kappas))}.`);
    const f1 = r.pairs.map((p) => p.f1Overlap.value).filter((v): v is number => v !== null);
    if (f1.length > 0)
      sentences.push(
        `Span F1 between annotators (overlap matching) was ` +
          `${f1.length > 1 ? `${coefficient(Math.min(...f1))}–${coefficient(Math.max(...f1))}` : coefficient(f1[0]!)}.`,
      );
  }
  if (report.relations?.pairs.some((p) => p.f1Exact.value !== null)) {
    const f1 = report.relations.pairs.map((p) => p.f1Exact.value).filter((v): v is number => v !== null);
    sentences.push(
      `Relations (matched when both endpoints and the type agree) reached F1 ` +
        `${f1.length > 1 ? `${coefficient(Math.min(...f1))}–${coefficient(Math.max(...f1))}` : coefficient(f1[0]!)} with exact endpoints; ` +
        `α on the relation type over ${count(report.relations.typeAlpha.units, 'pair')} of spans related by two or more annotators ` +
        `was ${withInterval(report.relations.typeAlpha)}.`,
    );
  }
  for (const [target, f] of Object.entries(report.stance))
    sentences.push(`For stance towards ${target}, α was ${withInterval(f)} over ${count(f.units, '(document, target) pair')}.`);
  for (const [question, f] of Object.entries(report.questions))
    sentences.push(`For the document question ${question}, α was ${withInterval(f)} over ${count(f.units, 'document')}.`);
  sentences.push(scope.intervals ? intervalRule(scope.intervals) : 'No confidence intervals were computed.');
  sentences.push(
    'Coefficients follow Krippendorff (2011), Fleiss (1971) and Cohen (1960); α_u follows ' +
      'Krippendorff et al. (2016); span F1 follows Hripcsak and Rothschild (2005); bootstrap and ' +
      'jackknife intervals follow Hayes and Krippendorff (2007) and Hughes (2022). Computed with ' +
      'Glossa.',
  );
  return sentences.join(' ');
}

function count(n: number, noun: string): string {
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const number = n <= 10 ? words[n]! : n.toLocaleString('en');
  return `${number} ${noun}${n === 1 ? '' : 's'}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
