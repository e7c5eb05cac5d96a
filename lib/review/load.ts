import type { PrismaClient } from '@/lib/db/client';
import { withCurrentTokens } from './document-tokens';
import type { ReportInput, SpanLayer } from './input';

export type DocumentScope = 'submitted' | 'all';

/**
 * Loads what the agreement report needs. Default scope: for each document, the
 * annotators who submitted it. Scope `all`: everyone with an assignment or with
 * annotations on it. Gold is never part of inter-annotator agreement.
 */
export async function loadReportInput(db: PrismaClient, projectId: string, scope: DocumentScope = 'submitted'): Promise<ReportInput> {
  const [members, labels, targets, stored] = await Promise.all([
    db.membership.findMany({ where: { projectId }, select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } }),
    db.label.findMany({ where: { projectId }, select: { id: true, key: true, layer: true, retired: true, options: true, multiple: true, perTarget: true }, orderBy: { position: 'asc' } }),
    db.target.findMany({ where: { projectId }, select: { id: true, key: true } }),
    db.document.findMany({
      where: { projectId, deletedAt: null },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        name: true,
        text: true,
        tokenOffsets: true,
        tokenizer: true,
        assignments: { select: { userId: true, status: true } },
        annotations: {
          where: { deletedAt: null, authorId: { not: null } },
          select: { id: true, authorId: true, start: true, end: true, quote: true, labelId: true, targetId: true, targetAnnotationId: true },
        },
        documentLabels: { where: { deletedAt: null, authorId: { not: null } }, select: { authorId: true, labelId: true, targetId: true, values: true } },
      },
    }),
  ]);
  const documents = await withCurrentTokens(db, stored);
  const labelById = new Map(labels.map((l) => [l.id, l]));
  const targetKey = new Map(targets.map((t) => [t.id, t.key]));

  return {
    annotators: members.map((m) => m.user),
    labels: labels.filter((l) => ['ENTITY', 'STANCE', 'FRAME'].includes(l.layer)).map((l) => ({ key: l.key, layer: l.layer as SpanLayer, retired: l.retired })),
    targets: targets.map((t) => t.key),
    questions: labels
      .filter((l) => l.layer === 'DOCUMENT')
      .map((l) => ({ key: l.key, options: (l.options as { key: string }[]).map((o) => o.key), multiple: l.multiple, perTarget: l.perTarget })),
    documentRule: scope === 'submitted' ? 'per document, the annotators who submitted it' : 'per document, every annotator assigned to it or with annotations on it',
    documents: documents.map((document) => {
      const byId = new Map(document.annotations.map((a) => [a.id, a]));
      const annotators =
        scope === 'submitted'
          ? document.assignments.filter((a) => a.status === 'SUBMITTED').map((a) => a.userId)
          : [...new Set([...document.assignments.map((a) => a.userId), ...document.annotations.map((a) => a.authorId!)])];
      return {
        id: document.id,
        name: document.name,
        text: document.text,
        tokenOffsets: document.tokenOffsets,
        annotators,
        spans: document.annotations.map((a) => {
          const label = labelById.get(a.labelId)!;
          return { author: a.authorId!, start: a.start, end: a.end, label: label.key, layer: label.layer as SpanLayer, target: stanceTarget(a, byId, labelById, targetKey) };
        }),
        answers: document.documentLabels.map((d) => ({ author: d.authorId!, question: labelById.get(d.labelId)!.key, target: d.targetId ? targetKey.get(d.targetId) : undefined, values: d.values })),
      };
    }),
  };
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
