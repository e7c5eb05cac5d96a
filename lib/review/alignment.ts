/**
 * Aligns several annotators' work on one document into candidates: identical items
 * (same offsets, label and target for spans; same type and endpoints for relations;
 * same question, target and choice for answers) from different annotators become one
 * candidate that lists who proposed it. Pure, so the review view and bulk acceptance
 * ("at least k of n agree") share one definition of "the same".
 */
export interface AlignSpan {
  id: string;
  authorId: string;
  start: number;
  end: number;
  labelId: string;
  targetId: string | null;
  /** The span a stance points at, by its own identity (offsets + label), when it targets a span. */
  targetSpan: { start: number; end: number; labelId: string } | null;
}

export interface AlignRelation {
  id: string;
  authorId: string;
  labelId: string;
  source: AlignSpan;
  target: AlignSpan;
}

export interface AlignAnswer {
  id: string;
  authorId: string;
  labelId: string;
  targetId: string | null;
  values: string[];
}

interface Candidate<T> {
  key: string;
  items: T[];
  authors: string[];
}

export function spanKey(span: Pick<AlignSpan, 'start' | 'end' | 'labelId' | 'targetId' | 'targetSpan'>): string {
  const target = span.targetId ? `t:${span.targetId}` : span.targetSpan ? `s:${span.targetSpan.start}:${span.targetSpan.end}:${span.targetSpan.labelId}` : '-';
  return `${span.start}:${span.end}:${span.labelId}:${target}`;
}

export function relationKey(relation: Pick<AlignRelation, 'labelId' | 'source' | 'target'>): string {
  return `${relation.labelId}|${spanKey(relation.source)}|${spanKey(relation.target)}`;
}

export function answerKey(answer: Pick<AlignAnswer, 'labelId' | 'targetId' | 'values'>): string {
  return `${answer.labelId}|${answer.targetId ?? '-'}|${[...answer.values].sort().join(',')}`;
}

export function align<T extends { authorId: string }>(items: T[], key: (item: T) => string): Candidate<T>[] {
  const groups = new Map<string, Candidate<T>>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, { key: k, items: [], authors: [] });
    const group = groups.get(k)!;
    group.items.push(item);
    if (!group.authors.includes(item.authorId)) group.authors.push(item.authorId);
  }
  return [...groups.values()];
}
