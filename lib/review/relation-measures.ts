import type { IntervalOptions } from '@/lib/agreement';
import type { Figure } from './figure';
import type { ReportDocument, ReportRelation } from './input';
import { f1, noMatches, type MatchCounts } from './span-measures';
import { alphaOver, type UnitFigure } from './unit-measures';

/**
 * Relation agreement. Two annotators' relations match when both endpoints match, as spans do for
 * span F1 (exact: same offsets and label; overlap: same label and a shared character), and the
 * relation type is the same; matching is one-to-one, in the order relations are listed. F1 per
 * pair of annotators, overall and per relation type, micro-averaged over the documents both count
 * for. α on the relation type: each (document, source span, target span) related by two or more
 * annotators (endpoints matched exactly) is a unit whose value per annotator is the type they gave
 * (the sorted set, when several); annotators who did not relate the two spans are missing values.
 */
export const RELATION_RULE =
  'Relations match when both endpoints match as spans do for span F1 (exact: same offsets and ' +
  'label; overlap: same label and a shared character) and the relation type agrees; one-to-one, F1 ' +
  'micro-averaged over shared documents. α on the relation type is over (document, source, target) ' +
  'pairs related by two or more annotators, endpoints matched exactly; an annotator who did not ' +
  'relate them is a missing value.';

interface RelationPair {
  a: string;
  b: string;
  documents: number;
  f1Exact: Figure;
  f1Overlap: Figure;
  types: Record<string, { f1Exact: Figure; f1Overlap: Figure }>;
}

export interface RelationReport {
  pairs: RelationPair[];
  typeAlpha: UnitFigure;
}

type Mode = 'exact' | 'overlap';
type Endpoint = ReportRelation['source'];

const sameSpan = (x: Endpoint, y: Endpoint, mode: Mode) =>
  x.label === y.label && (mode === 'exact' ? x.start === y.start && x.end === y.end : x.start < y.end && y.start < x.end);

/** How many of `left`'s relations find a partner of the same type among `right`'s, one-to-one. */
export function relationMatches(left: readonly ReportRelation[], right: readonly ReportRelation[], mode: Mode): number {
  const used = new Uint8Array(right.length);
  let matches = 0;
  for (const x of left) {
    const partner = right.findIndex((y, j) => !used[j] && y.label === x.label && sameSpan(x.source, y.source, mode) && sameSpan(x.target, y.target, mode));
    if (partner >= 0) {
      used[partner] = 1;
      matches += 1;
    }
  }
  return matches;
}

export function relationAgreement(
  documents: readonly ReportDocument[],
  annotators: string[],
  types: string[],
  intervals: IntervalOptions | null,
): RelationReport | null {
  const any = documents.some((d) => (d.relations?.length ?? 0) > 0);
  if (!any && types.length === 0) return null;
  const pairs: RelationPair[] = [];
  annotators.forEach((a, i) => {
    for (const b of annotators.slice(i + 1)) pairs.push(pairRelations(documents, a, b, types));
  });
  return { pairs, typeAlpha: typeAlpha(documents, annotators, intervals) };
}

function pairRelations(documents: readonly ReportDocument[], a: string, b: string, types: string[]): RelationPair {
  const total = noMatches();
  const byType = new Map(types.map((type) => [type, noMatches()]));
  let shared = 0;
  for (const document of documents) {
    if (!document.annotators.includes(a) || !document.annotators.includes(b)) continue;
    shared += 1;
    const relations = document.relations ?? [];
    const left = relations.filter((r) => r.author === a);
    const right = relations.filter((r) => r.author === b);
    for (const type of new Set([...left, ...right].map((r) => r.label))) {
      const x = left.filter((r) => r.label === type);
      const y = right.filter((r) => r.label === type);
      if (!byType.has(type)) byType.set(type, noMatches());
      for (const mode of ['exact', 'overlap'] as const) {
        const tp = relationMatches(x, y, mode);
        for (const counts of [byType.get(type)!, total]) add(counts, mode, tp, x.length, y.length);
      }
    }
  }
  const figures = (counts: MatchCounts) => ({ f1Exact: f1(counts.exact), f1Overlap: f1(counts.overlap) });
  return { a, b, documents: shared, ...figures(total), types: Object.fromEntries([...byType].map(([type, counts]) => [type, figures(counts)])) };
}

function add(counts: MatchCounts, mode: Mode, tp: number, left: number, right: number) {
  counts[mode].tp += tp;
  counts[mode].fp += right - tp;
  counts[mode].fn += left - tp;
}

function typeAlpha(documents: readonly ReportDocument[], annotators: string[], intervals: IntervalOptions | null): UnitFigure {
  const units = new Map<string, Map<string, string | null>>();
  for (const document of documents) {
    const byEndpoints = new Map<string, Map<string, Set<string>>>();
    for (const relation of document.relations ?? []) {
      if (!document.annotators.includes(relation.author)) continue;
      const key = [relation.source, relation.target].map((s) => `${s.label}:${s.start}-${s.end}`).join('→');
      if (!byEndpoints.has(key)) byEndpoints.set(key, new Map());
      const authors = byEndpoints.get(key)!;
      if (!authors.has(relation.author)) authors.set(relation.author, new Set());
      authors.get(relation.author)!.add(relation.label);
    }
    for (const [key, authors] of byEndpoints) {
      if (authors.size < 2) continue;
      units.set(`${document.id}|${key}`, new Map([...authors].map(([author, labels]) => [author, [...labels].sort().join('+')])));
    }
  }
  return alphaOver(units, annotators, intervals);
}
