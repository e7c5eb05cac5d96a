import { round, type Figure } from './figure';
import type { ReportInput, ReportSpan, SpanLayer } from './input';
import { continuumAlpha, pairSpans, type PairSpans } from './span-measures';
import { documentTokens, pairTokens, tokenAlpha, tokenFleiss, tokenSequences, type PairTokens } from './token-measures';
import { documentQuestions, stanceByTarget, type UnitFigure } from './unit-measures';
import { spanF1 } from '@/lib/agreement';

/** The project agreement report (issue: inter-annotator review), computed from plain data. */
export interface LabelReport {
  tokenAlpha: Figure;
  unitizingAlpha: Figure & { documents: number };
  pairs: ({ a: string; b: string; cohenKappa: Figure } & PairSpans)[];
}

export interface LayerReport extends LabelReport {
  fleissKappa: Figure;
  pairs: ({ a: string; b: string; cohenKappa: Figure; tokens: number; confusion: PairTokens['confusion'] } & PairSpans)[];
  labels: Record<string, LabelReport>;
}

export interface AgreementReport {
  scope: { documentRule: string; documents: number; annotators: { id: string; name: string }[]; excludedDocuments: number; rules: string[]; message?: string };
  layers: Partial<Record<SpanLayer, LayerReport>>;
  stance: Record<string, UnitFigure>;
  questions: Record<string, UnitFigure>;
  documents: { id: string; name: string; annotators: number; disagreement: number | null }[];
}

export const RULES = [
  'Token measures use the tokens of the export tokenizer; a token belongs to a span when they share a character.',
  'Overlapping and stacked spans are kept: per layer a token’s category is the sorted set of labels covering it (e.g. "ORG+PERSON"); per label it is inside/outside that label.',
  'Span F1 is one-to-one: exact = same offsets and label; overlap = same label and at least one shared character (greedy by largest overlap); micro-averaged over shared documents.',
  'Krippendorff’s α_u treats the documents completed by all compared annotators as one character continuum (code points); a coder’s overlapping same-label spans are merged first.',
  'Annotators who do not count for a document are missing values, not disagreement.',
  'Retired labels are included: their spans are part of the data.',
];

const LAYERS: SpanLayer[] = ['ENTITY', 'STANCE', 'FRAME'];

export function agreementReport(input: ReportInput): AgreementReport {
  const included = input.documents.filter((d) => d.annotators.length >= 2);
  const annotators = input.annotators.filter((a) => included.some((d) => d.annotators.includes(a.id)));
  const ids = annotators.map((a) => a.id);
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));
  const layers: AgreementReport['layers'] = {};
  const tokens = documentTokens(included);

  for (const layer of LAYERS) {
    const labelKeys = [...new Set([...input.labels.filter((l) => l.layer === layer).map((l) => l.key), ...included.flatMap((d) => d.spans.filter((s) => s.layer === layer).map((s) => s.label))])];
    if (labelKeys.length === 0) continue;
    const inLayer = (s: ReportSpan) => s.layer === layer;
    const sequences = tokenSequences(included, tokens, layer);
    const labels: Record<string, LabelReport> = {};
    for (const key of labelKeys) {
      const withLabel = (s: ReportSpan) => s.layer === layer && s.label === key;
      const binary = tokenSequences(included, tokens, layer, key);
      labels[key] = {
        tokenAlpha: tokenAlpha(binary, ids),
        unitizingAlpha: continuumAlpha(included, ids, withLabel, key),
        pairs: pairs.map(([a, b]) => ({ a, b, cohenKappa: pairTokens(binary, a, b).cohenKappa, ...pairSpans(included, a, b, withLabel) })),
      };
    }
    layers[layer] = {
      tokenAlpha: tokenAlpha(sequences, ids),
      fleissKappa: tokenFleiss(sequences),
      unitizingAlpha: continuumAlpha(included, ids, inLayer),
      pairs: pairs.map(([a, b]) => ({ a, b, ...pairTokens(sequences, a, b), ...pairSpans(included, a, b, inLayer) })),
      labels,
    };
  }

  return {
    scope: { documentRule: input.documentRule, documents: included.length, annotators, excludedDocuments: input.documents.length - included.length, rules: RULES },
    layers,
    stance: stanceByTarget(included, ids),
    questions: documentQuestions({ ...input, documents: included }),
    documents: rankDocuments(included),
  };
}

/** Disagreement per document = 1 − mean pairwise overlap-F1 over all span layers; worst first. */
function rankDocuments(documents: ReportInput['documents']): AgreementReport['documents'] {
  return documents
    .map((document) => ({ id: document.id, name: document.name, annotators: document.annotators.length, disagreement: documentDisagreement(document) }))
    .sort((x, y) => (y.disagreement ?? -1) - (x.disagreement ?? -1));
}

export function documentDisagreement(document: ReportInput['documents'][number]): number | null {
  const scores: number[] = [];
  document.annotators.forEach((a, i) => {
    for (const b of document.annotators.slice(i + 1)) {
      const left = document.spans.filter((s) => s.author === a);
      const right = document.spans.filter((s) => s.author === b);
      if (left.length + right.length > 0) scores.push(spanF1(left, right, 'overlap').f1 ?? 0);
    }
  });
  return scores.length ? round(1 - scores.reduce((x, y) => x + y, 0) / scores.length) : null;
}

export type { Figure };

/** Says plainly why a report is empty, instead of a page of n/a. */
export function withMessage(report: AgreementReport): AgreementReport {
  if (report.scope.documents > 0) return report;
  const message =
    report.scope.excludedDocuments > 0
      ? 'No document has been completed by two or more annotators yet: agreement needs at least two annotators per document (assign N ≥ 2 and let them submit, or use scope=all).'
      : 'The project has no documents to compare yet.';
  return { ...report, scope: { ...report.scope, message } };
}
