import type { PrismaClient } from '@/lib/db/client';
import { withCurrentTokens } from '@/lib/documents/tokens';
import { isSpanLayer, type SpanLayer } from '@/lib/schema/types';
import type { ExcludedWork, ReportInput } from './input';
import { adjudicatedGold } from './load-gold';
import { annotatorRelations, liveAnnotatorRows, liveRelations } from './load-relations';

export type DocumentScope = 'submitted' | 'all';
/** Whether work flagged after-gold counts (`include`) or is left out (`exclude`, the default). */
export type AfterGold = 'exclude' | 'include';

/**
 * Loads what the agreement report needs. Default scope: for each document, the
 * annotators who submitted it. Scope `all`: everyone with an assignment or with
 * annotations on it. Gold is never part of inter-annotator agreement.
 */
export async function loadReportInput(
  db: PrismaClient,
  projectId: string,
  scope: DocumentScope = 'submitted',
  // Only token-level figures need them; the review queue ranks by spans and skips the column.
  { tokens = true, afterGold = 'exclude' }: { tokens?: boolean; afterGold?: AfterGold } = {},
): Promise<ReportInput & { excluded: ExcludedWork }> {
  const [members, labels, targets, stored, spans, gold, relations] = await Promise.all([
    db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
    db.label.findMany({
      where: { projectId },
      select: { id: true, key: true, layer: true, retired: true, options: true, multiple: true, perTarget: true },
      orderBy: { position: 'asc' },
    }),
    db.target.findMany({ where: { projectId }, select: { id: true, key: true } }),
    db.document.findMany({
      where: { projectId, deletedAt: null },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        name: true,
        text: true,
        tokenOffsets: tokens,
        tokenizer: tokens,
        assignments: { select: { userId: true, status: true, submittedAt: true, afterGoldAt: true } },
        documentLabels: { where: { deletedAt: null, authorId: { not: null } }, select: { authorId: true, labelId: true, targetId: true, values: true } },
      },
    }),
    annotatorSpans(db, projectId),
    adjudicatedGold(db, projectId),
    annotatorRelations(db, projectId),
  ]);
  const documents = tokens ? await withCurrentTokens(db, stored) : stored;
  const labelById = new Map(labels.map((l) => [l.id, l]));
  const targetKey = new Map(targets.map((t) => [t.id, t.key]));
  const excluded: ExcludedWork = {
    afterGold: {
      excluded: afterGold === 'exclude',
      rule:
        afterGold === 'exclude'
          ? 'Work changed after gold or another annotator’s work was shown to its annotator is left out (afterGold=include counts it).'
          : 'Work changed after gold or another annotator’s work was shown to its annotator is counted, on request (afterGold=include).',
      documentAnnotators: 0,
      documents: 0,
      spans: 0,
    },
    danglingRelations: { relations: 0, documents: 0 },
  };
  const countDangling = <R>({ live, dangling }: { live: R[]; dangling: number }): R[] => {
    if (dangling > 0) {
      excluded.danglingRelations.relations += dangling;
      excluded.danglingRelations.documents += 1;
    }
    return live;
  };

  return {
    annotators: members.map((m) => m.user),
    labels: labels.flatMap((l) => (isSpanLayer(l.layer) ? [{ key: l.key, layer: l.layer, retired: l.retired }] : [])),
    targets: targets.map((t) => t.key),
    questions: labels
      .filter((l) => l.layer === 'DOCUMENT')
      .map((l) => ({ key: l.key, options: (l.options as { key: string }[]).map((o) => o.key), multiple: l.multiple, perTarget: l.perTarget })),
    relationTypes: labels.filter((l) => l.layer === 'RELATION').map((l) => l.key),
    documentRule:
      scope === 'submitted' ? 'per document, the annotators who submitted it' : 'per document, every annotator assigned to it or with annotations on it',
    excluded,
    documents: documents.map((document) => {
      const all = spans.get(document.id) ?? [];
      const byId = new Map(all.map((a) => [a.id, a]));
      const counted =
        scope === 'submitted'
          ? document.assignments.filter((a) => a.status === 'SUBMITTED').map((a) => a.userId)
          : [...new Set([...document.assignments.map((a) => a.userId), ...all.map((a) => a.authorId)])];
      const flagged = new Set(document.assignments.filter((a) => a.afterGoldAt !== null && counted.includes(a.userId)).map((a) => a.userId));
      if (flagged.size > 0) {
        excluded.afterGold.documents += 1;
        excluded.afterGold.documentAnnotators += flagged.size;
        excluded.afterGold.spans += all.filter((a) => flagged.has(a.authorId)).length;
      }
      const left = (author: string) => afterGold === 'include' || !flagged.has(author);
      const annotators = counted.filter(left);
      const annotations = all.filter((a) => left(a.authorId));
      const submissions = document.assignments.filter((a) => annotators.includes(a.userId) && a.submittedAt).map((a) => a.submittedAt!.getTime());
      return {
        id: document.id,
        name: document.name,
        text: document.text,
        tokenOffsets: document.tokenOffsets,
        annotators,
        // Complete when the last counted annotator submitted it.
        completedAt: submissions.length === annotators.length && submissions.length > 0 ? new Date(Math.max(...submissions)).toISOString() : undefined,
        spans: annotations.map((a) => {
          const label = labelById.get(a.labelId)!;
          return {
            author: a.authorId,
            start: a.start,
            end: a.end,
            label: label.key,
            layer: label.layer as SpanLayer,
            target: stanceTarget(a, byId, labelById, targetKey),
          };
        }),
        relations: countDangling(
          liveRelations(
            (relations.get(document.id) ?? []).filter((r) => left(r.authorId)),
            byId,
          ),
        ).map((r) => ({
          author: r.authorId,
          label: labelById.get(r.labelId)!.key,
          source: endpoint(r.source, labelById),
          target: endpoint(r.target, labelById),
        })),
        gold: gold.get(document.id)?.flatMap((g) => {
          const label = labelById.get(g.labelId)!;
          return isSpanLayer(label.layer) ? [{ start: g.start, end: g.end, label: label.key, layer: label.layer }] : [];
        }),
        answers: document.documentLabels
          .filter((d) => left(d.authorId!))
          .map((d) => ({
            author: d.authorId!,
            question: labelById.get(d.labelId)!.key,
            target: d.targetId ? targetKey.get(d.targetId) : undefined,
            values: d.values,
          })),
      };
    }),
  };
}

interface SpanRow {
  documentId: string;
  id: string;
  authorId: string;
  start: number;
  end: number;
  quote: string;
  labelId: string;
  targetId: string | null;
  targetAnnotationId: string | null;
}

/** The annotators' live spans of the project's documents, by document. */
function annotatorSpans(db: PrismaClient, projectId: string): Promise<Map<string, SpanRow[]>> {
  return liveAnnotatorRows<SpanRow>(db, projectId, 'Annotation', [
    'documentId',
    'id',
    'authorId',
    'start',
    'end',
    'quote',
    'labelId',
    'targetId',
    'targetAnnotationId',
  ]);
}

/** Span targets differ in id between annotators, so they are compared by label and text. */
function stanceTarget(
  span: { targetId: string | null; targetAnnotationId: string | null },
  spans: Map<string, { quote: string; labelId: string }>,
  labels: Map<string, { key: string }>,
  targets: Map<string, string>,
): string | undefined {
  if (span.targetId) return targets.get(span.targetId);
  const entity = span.targetAnnotationId ? spans.get(span.targetAnnotationId) : undefined;
  return entity ? `span:${labels.get(entity.labelId)!.key}:${entity.quote.trim().toLowerCase()}` : undefined;
}

function endpoint(span: { start: number; end: number; labelId: string }, labels: Map<string, { key: string }>) {
  return { start: span.start, end: span.end, label: labels.get(span.labelId)!.key };
}
