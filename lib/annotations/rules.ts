import type { DbClient } from '@/lib/db/client';
import { conflict, validationFailed } from '@/lib/http/errors';
import { validateSpan, type OffsetIndex } from '@/lib/offsets';

/**
 * The rules every stored span obeys, whoever writes it (editor, API, adjudication):
 * an active span-layer label, offsets that fit the text with a matching quote, a
 * target exactly for STANCE spans, and no overlap when the project forbids it.
 */
export type SpanLayer = 'ENTITY' | 'STANCE' | 'FRAME';
export type TargetRef = { kind: 'target'; id: string } | { kind: 'span'; id: string };

export interface SpanDraft {
  labelId: string;
  start: number;
  end: number;
  quote?: string;
  target: TargetRef | null;
}

export interface CheckedSpan {
  labelId: string;
  /** What the wire shape shows of the label, so writers need not read it back. */
  label: { key: string; layer: SpanLayer };
  start: number;
  end: number;
  quote: string;
  targetId: string | null;
  targetAnnotationId: string | null;
}

export interface SpanContext {
  projectId: string;
  documentId: string;
  text: OffsetIndex;
  allowOverlap: boolean;
  /** The layer being written: a user id, or null for gold. */
  authorId: string | null;
  /** When updating, the span itself (excluded from the overlap check). */
  selfId?: string;
}

export async function checkSpan(db: DbClient, draft: SpanDraft, context: SpanContext): Promise<CheckedSpan> {
  const label = await db.label.findFirst({ where: { id: draft.labelId, projectId: context.projectId }, select: { layer: true, key: true, retired: true } });
  if (!label || !['ENTITY', 'STANCE', 'FRAME'].includes(label.layer)) throw validationFailed(`Label ${draft.labelId} is not a span label of this project.`);
  if (label.retired) throw validationFailed(`Label ${label.key} is retired; choose an active label.`);
  const layer = label.layer as SpanLayer;

  const span = validateSpan(context.text, draft);
  if (!span.ok) throw validationFailed(`Invalid span: ${span.message}.`, [{ path: 'body.start', message: span.message }]);

  let targetId: string | null = null;
  let targetAnnotationId: string | null = null;
  if (layer === 'STANCE') {
    if (!draft.target) throw validationFailed('A STANCE span needs a target: a project target or an entity span of this document.', [{ path: 'body.target', message: 'required for STANCE' }]);
    if (draft.target.kind === 'target') {
      const target = await db.target.findFirst({ where: { id: draft.target.id, projectId: context.projectId, retired: false }, select: { id: true } });
      if (!target) throw validationFailed(`Target ${draft.target.id} is not an active target of this project.`, [{ path: 'body.target.id', message: 'unknown target' }]);
      targetId = target.id;
    } else {
      const entity = await db.annotation.findFirst({
        where: { id: draft.target.id, documentId: context.documentId, authorId: context.authorId, deletedAt: null, label: { layer: 'ENTITY' } },
        select: { id: true },
      });
      if (!entity) throw validationFailed(`Span ${draft.target.id} is not an entity span of yours in this document.`, [{ path: 'body.target.id', message: 'unknown entity span' }]);
      targetAnnotationId = entity.id;
    }
  } else if (draft.target) {
    throw validationFailed(`Only STANCE spans take a target; ${label.key} is a ${layer} label.`, [{ path: 'body.target', message: 'not allowed for this layer' }]);
  }

  if (!context.allowOverlap) {
    const clash = await db.annotation.findFirst({
      where: {
        documentId: context.documentId,
        authorId: context.authorId,
        deletedAt: null,
        label: { layer },
        start: { lt: draft.end },
        end: { gt: draft.start },
        ...(context.selfId ? { id: { not: context.selfId } } : {}),
      },
      select: { id: true, start: true, end: true, quote: true },
    });
    if (clash) {
      throw conflict(`This project forbids overlapping ${layer} spans: [${draft.start},${draft.end}) overlaps "${clash.quote}" [${clash.start},${clash.end}).`, { overlapsWith: clash.id });
    }
  }
  return { labelId: draft.labelId, label: { key: label.key, layer }, start: draft.start, end: draft.end, quote: span.quote, targetId, targetAnnotationId };
}
