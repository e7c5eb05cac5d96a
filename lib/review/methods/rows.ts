import type { Figure } from '../figure';
import type { SpanLayer } from '@/lib/schema/types';
import type { AgreementReport } from '../report';

/** One line of the methods table: a figure, what it is of, its interval and its units. */
export interface MethodsRow {
  /** e.g. "ENTITY", "ENTITY:ORG", "stance:TALIBAN", "question:PRIMARY_FRAME". */
  subject: string;
  measure: string;
  figure: Figure;
  units: number | null;
  unitKind: string;
}

const LAYER_UNITS = 'tokens';

/** Every figure of the report that goes into a paper, in reading order. */
export function methodsRows(report: AgreementReport, nameOf: (id: string) => string): MethodsRow[] {
  const rows: MethodsRow[] = [];
  for (const [layer, r] of Object.entries(report.layers) as [SpanLayer, NonNullable<AgreementReport['layers'][SpanLayer]>][]) {
    const tokens = r.tokens;
    rows.push({ subject: layer, measure: 'Krippendorff’s α (nominal, tokens)', figure: r.tokenAlpha, units: tokens, unitKind: LAYER_UNITS });
    rows.push({ subject: layer, measure: 'Fleiss’ κ (tokens)', figure: r.fleissKappa, units: tokens, unitKind: LAYER_UNITS });
    rows.push({
      subject: layer,
      measure: 'Krippendorff’s α_u (unitizing)',
      figure: r.unitizingAlpha,
      units: r.unitizingAlpha.documents,
      unitKind: 'documents (character continuum)',
    });
    for (const [label, l] of Object.entries(r.labels)) {
      rows.push({ subject: `${layer}:${label}`, measure: 'Krippendorff’s α (nominal, tokens)', figure: l.tokenAlpha, units: tokens, unitKind: LAYER_UNITS });
    }
    for (const pair of r.pairs) {
      const subject = `${layer} ${nameOf(pair.a)} × ${nameOf(pair.b)}`;
      rows.push({ subject, measure: 'Cohen’s κ (tokens)', figure: pair.cohenKappa, units: pair.tokens, unitKind: LAYER_UNITS });
      rows.push({ subject, measure: 'span F1 (exact)', figure: pair.f1Exact, units: pair.documents, unitKind: 'documents' });
      rows.push({ subject, measure: 'span F1 (overlap)', figure: pair.f1Overlap, units: pair.documents, unitKind: 'documents' });
    }
  }
  if (report.relations) {
    const { typeAlpha, pairs } = report.relations;
    rows.push({
      subject: 'RELATION',
      measure: 'Krippendorff’s α (nominal, relation type)',
      figure: typeAlpha,
      units: typeAlpha.units,
      unitKind: '(document, source, target) pairs',
    });
    for (const pair of pairs) {
      const subject = `RELATION ${nameOf(pair.a)} × ${nameOf(pair.b)}`;
      rows.push({ subject, measure: 'relation F1 (exact endpoints)', figure: pair.f1Exact, units: pair.documents, unitKind: 'documents' });
      rows.push({ subject, measure: 'relation F1 (overlapping endpoints)', figure: pair.f1Overlap, units: pair.documents, unitKind: 'documents' });
    }
  }
  for (const [target, f] of Object.entries(report.stance))
    rows.push({ subject: `stance:${target}`, measure: 'Krippendorff’s α (nominal)', figure: f, units: f.units, unitKind: '(document, target) pairs' });
  for (const [question, f] of Object.entries(report.questions))
    rows.push({ subject: `question:${question}`, measure: 'Krippendorff’s α (nominal)', figure: f, units: f.units, unitKind: '(document, question) units' });
  return rows;
}
