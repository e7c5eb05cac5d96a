import { LAYER_TITLES } from '@/components/projects/layers';
import type { UnitItem } from '@/lib/review/disagreements';
import type { OffsetIndex } from '@/lib/offsets';
import type { Layer } from '@/lib/schema/types';
import type { ReviewData, ReviewLabel, ReviewTarget } from './types';

type RowKind = 'span' | 'relation' | 'answer' | 'gold';
type GroupId = Layer | 'GOLD';

/** One line of the candidate list: a candidate (or a gold-only span) in the words a curator reads. */
export interface ReviewRow {
  /** Unique across kinds; also the key of its mark in the text. */
  key: string;
  kind: RowKind;
  group: GroupId;
  text: string;
  label: string;
  /** Stance target, or the target of a per-target answer. */
  about: string | null;
  authors: string[];
  /** "2/3"; null for gold-only spans, which no annotator proposed as they are. */
  agreement: string | null;
  unanimous: boolean;
  gold: string | null;
  /** The annotator item accepting copies into gold (the first proposer's). */
  source: string | null;
  span: { start: number; end: number; labelId: string; layer: string; color: string } | null;
  /** Proposers' own unsure flags and notes on a span candidate, by name. */
  remarks: CandidateRemark[];
}

export interface CandidateRemark {
  author: string;
  unsure: boolean;
  note: string | null;
}

/** The list's groups in order, with what the text and label columns hold in each. */
export const GROUPS: { id: GroupId; title: string; textHeading: string; labelHeading: string }[] = [
  { id: 'ENTITY', title: LAYER_TITLES.ENTITY, textHeading: 'Text', labelHeading: 'Label' },
  { id: 'STANCE', title: LAYER_TITLES.STANCE, textHeading: 'Text', labelHeading: 'Stance' },
  { id: 'FRAME', title: LAYER_TITLES.FRAME, textHeading: 'Text', labelHeading: 'Frame' },
  { id: 'RELATION', title: LAYER_TITLES.RELATION, textHeading: 'Between', labelHeading: 'Relation' },
  { id: 'DOCUMENT', title: 'Document answers', textHeading: 'Answer', labelHeading: 'Question' },
  { id: 'GOLD', title: 'Gold only (changed or added by a curator)', textHeading: 'Text', labelHeading: 'Label' },
];

const FALLBACK_COLOR = '#888888';

/** Flattens the review view into list rows, in the order j/k walks them: group by group, text order within. */
export function buildRows(view: ReviewData, text: OffsetIndex, labels: readonly ReviewLabel[], targets: readonly ReviewTarget[]): ReviewRow[] {
  const label = new Map(labels.map((l) => [l.id, l]));
  const targetName = new Map(targets.map((t) => [t.id, t.name]));
  const authorName = new Map(view.annotators.map((a) => [a.id, a.name]));
  const names = (ids: string[]) => ids.map((id) => authorName.get(id) ?? id);
  const spanByKey = new Map(view.spans.map((s) => [s.key, s]));
  const quoteOf = (span: { quote: string } | undefined) => (span ? `“${span.quote}”` : 'a span');
  const n = view.submitted.length;
  // What a candidate's row says of its proposers; `ids` are its annotator items, the first proposer's first.
  const proposed = (candidate: { authors: string[]; agreement: string; gold: string | null }, ids: string[]) => ({
    authors: names(candidate.authors),
    agreement: candidate.agreement,
    unanimous: candidate.authors.length === n,
    gold: candidate.gold,
    source: ids[0] ?? null,
  });
  const aboutOf = ({ targetId, targetSpan }: ReviewData['spans'][number]): string | null => {
    if (targetId) return targetName.get(targetId) ?? 'a target';
    if (!targetSpan) return null;
    return quoteOf(view.spans.find((t) => t.start === targetSpan.start && t.end === targetSpan.end && t.labelId === targetSpan.labelId));
  };

  const spans: ReviewRow[] = view.spans.map((s) => ({
    key: `span:${s.key}`,
    kind: 'span',
    group: s.layer as GroupId,
    text: s.quote,
    label: label.get(s.labelId)?.name ?? s.label,
    about: aboutOf(s),
    ...proposed(s, s.annotationIds),
    // The view states a span's unanimity itself (lib/review/view.ts); relations and answers are counted here.
    unanimous: s.unanimous,
    span: { start: s.start, end: s.end, labelId: s.labelId, layer: s.layer, color: label.get(s.labelId)?.color ?? FALLBACK_COLOR },
    remarks: s.remarks.map((r) => ({ ...r, author: authorName.get(r.author) ?? r.author })),
  }));
  const relations: ReviewRow[] = view.relations.map((r) => ({
    key: `relation:${r.key}`,
    kind: 'relation',
    group: 'RELATION',
    text: `${quoteOf(spanByKey.get(r.source))} → ${quoteOf(spanByKey.get(r.target))}`,
    label: label.get(r.labelId)?.name ?? r.label,
    about: null,
    ...proposed(r, r.relationIds),
    span: null,
    remarks: [],
  }));
  const answers: ReviewRow[] = view.answers.map((a) => {
    const question = label.get(a.labelId);
    const option = new Map(question?.options.map((o) => [o.key, o.name]));
    return {
      key: `answer:${a.key}`,
      kind: 'answer',
      group: 'DOCUMENT',
      text: a.values.map((v) => option.get(v) ?? v).join(', '),
      label: question?.name ?? a.question,
      about: a.targetId ? (targetName.get(a.targetId) ?? 'a target') : null,
      ...proposed(a, a.answerIds),
      span: null,
      remarks: [],
    };
  });
  const goldOnly: ReviewRow[] = view.goldOnly.map((g) => {
    const goldLabel = label.get(g.labelId);
    return {
      key: `gold:${g.id}`,
      kind: 'gold',
      group: 'GOLD',
      text: text.slice(g.start, g.end),
      label: goldLabel?.name ?? g.label,
      about: null,
      authors: [],
      agreement: null,
      unanimous: false,
      gold: g.id,
      source: null,
      span: { start: g.start, end: g.end, labelId: g.labelId, layer: goldLabel?.layer ?? 'ENTITY', color: goldLabel?.color ?? FALLBACK_COLOR },
      remarks: [],
    };
  });
  const all = [...spans, ...relations, ...answers, ...goldOnly];
  return GROUPS.flatMap((group) => all.filter((row) => row.group === group.id));
}

/** The rows as disagreement units see them (lib/review/disagreements.ts). */
export function unitItems(rows: readonly ReviewRow[]): UnitItem[] {
  return rows.map((row) => ({
    key: row.key,
    layer: row.span?.layer ?? row.group,
    extent: row.span && { start: row.span.start, end: row.span.end },
    // Relations compete when they link the same quotes; answers when they answer the same question about the same target.
    about: row.kind === 'relation' ? row.text : `${row.label}|${row.about ?? ''}`,
    split: row.agreement !== null && !row.unanimous,
    gold: row.gold !== null,
    goldOnly: row.kind === 'gold',
  }));
}
