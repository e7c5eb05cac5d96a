import type { DbClient } from '@/lib/db/client';
import { conflict, validationFailed, type HttpError } from '@/lib/http/errors';
import type { OffsetIndex } from '@/lib/offsets';
import type { SpanLayer } from '@/lib/schema/types';
import {
  checkOffsets,
  checkOverlap,
  checkRelabel,
  checkSpanLabel,
  checkStanceTarget,
  type Checked,
  type SpanFact,
  type TargetRef,
  type Violation,
} from './invariants';

export type { TargetRef } from './invariants';

/**
 * The API's side of the annotation invariants (invariants.ts decides): loads the facts a
 * span write needs inside the writer's transaction, one query per fact, and turns a
 * violation into the HTTP error the API answers (400 `validation_failed` naming the field,
 * 409 `conflict` with `overlapsWith` for an overlap).
 */
export interface SpanDraft {
  labelId: string;
  start: number;
  end: number;
  quote?: string;
  target: TargetRef | null;
}

interface CheckedSpan {
  labelId: string;
  /** What the wire shape shows of the label, so writers need not read it back. */
  label: { key: string; layer: SpanLayer };
  start: number;
  end: number;
  quote: string;
  targetId: string | null;
  targetAnnotationId: string | null;
}

interface SpanContext {
  projectId: string;
  documentId: string;
  text: OffsetIndex;
  allowOverlap: boolean;
  /** The layer being written: a user id, or null for gold. */
  authorId: string | null;
  /** When updating, the span itself (excluded from the overlap check). */
  selfId?: string;
}

/** The HTTP error for a violation, its field under `prefix`: `body`, or an item of a list in it, which the message then names. */
export function violationError(violation: Violation, prefix = 'body'): HttpError {
  if (violation.overlapsWith !== undefined) return conflict(violation.message, { overlapsWith: violation.overlapsWith });
  const path = `${prefix}.${violation.field}`;
  return validationFailed(prefix === 'body' ? violation.message : `${path}: ${violation.message}`, [{ path, message: violation.reason }]);
}

function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) throw violationError(checked.violation);
  return checked.value;
}

export async function checkSpan(db: DbClient, draft: SpanDraft, context: SpanContext): Promise<CheckedSpan> {
  const labelRow = await db.label.findFirst({
    where: { id: draft.labelId, projectId: context.projectId },
    select: { id: true, layer: true, key: true, retired: true },
  });
  const label = valueOf(checkSpanLabel(labelRow ?? undefined, draft.labelId));
  const quote = valueOf(checkOffsets(context.text, draft));
  const span = { id: context.selfId ?? '', authorId: context.authorId, layer: label.layer, labelKey: label.key, start: draft.start, end: draft.end };
  const target = valueOf(checkStanceTarget(span, draft.target, await targetFact(db, context, draft.target)));
  if (!context.allowOverlap) {
    // The indexed candidates query (documentId, authorId); the rule itself decides.
    const candidates = await db.annotation.findMany({
      where: {
        documentId: context.documentId,
        authorId: context.authorId,
        deletedAt: null,
        label: { layer: label.layer },
        start: { lt: draft.end },
        end: { gt: draft.start },
      },
      select: { id: true, start: true, end: true, quote: true },
      take: 2,
    });
    valueOf(
      checkOverlap(
        false,
        span,
        candidates.map((c) => ({ ...c, authorId: context.authorId, layer: label.layer })),
      ),
    );
  }
  return { labelId: draft.labelId, label: { key: label.key, layer: label.layer }, start: draft.start, end: draft.end, quote, ...target };
}

/** Before a span changes label: the stance spans and relations that depend on it stay valid (two indexed queries, only then). */
export async function checkDependents(db: DbClient, span: SpanFact): Promise<void> {
  const end = { select: { id: true, authorId: true, start: true, end: true, quote: true, label: { select: { key: true, layer: true } } } } as const;
  const stances = await db.annotation.count({ where: { targetAnnotationId: span.id, deletedAt: null } });
  const relations = await db.relation.findMany({
    where: { deletedAt: null, OR: [{ sourceId: span.id }, { targetId: span.id }] },
    select: { id: true, label: { select: { key: true, sourceTypes: true, targetTypes: true } }, source: end, target: end },
  });
  const relabelled = (row: Parameters<typeof spanFact>[0]) => (row.id === span.id ? span : spanFact(row));
  valueOf(
    checkRelabel(
      span,
      stances,
      relations.map((r) => ({ id: r.id, type: r.label, source: relabelled(r.source), target: relabelled(r.target) })),
    ),
  );
}

/** The project target or the document span a stance names, whoever's it is (the rule judges). */
async function targetFact(db: DbClient, context: SpanContext, target: TargetRef | null) {
  if (!target) return undefined;
  if (target.kind === 'target') {
    return (await db.target.findFirst({ where: { id: target.id, projectId: context.projectId }, select: { id: true, retired: true } })) ?? undefined;
  }
  const row = await db.annotation.findFirst({
    where: { id: target.id, documentId: context.documentId, deletedAt: null },
    select: { id: true, authorId: true, start: true, end: true, quote: true, label: { select: { key: true, layer: true } } },
  });
  return row ? spanFact(row) : undefined;
}

/** A stored annotation, with its label, as the rules see it. */
export function spanFact(row: {
  id: string;
  authorId: string | null;
  start: number;
  end: number;
  quote: string;
  label: { key: string; layer: string };
}): SpanFact {
  return { id: row.id, authorId: row.authorId, layer: row.label.layer as SpanLayer, labelKey: row.label.key, start: row.start, end: row.end, quote: row.quote };
}
