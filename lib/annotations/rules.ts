import { conflict, validationFailed, type HttpError } from '@/lib/http/errors';
import type { SpanLayer } from '@/lib/schema/types';
import type { SpanFact, TargetRef, Violation } from './invariants';

export type { TargetRef } from './invariants';

/**
 * The API's side of the annotation invariants (invariants.ts decides): what a span write
 * sends, and a violation as the HTTP error the API answers (400 `validation_failed` naming
 * the field, 409 `conflict` with `overlapsWith` for an overlap). The span writer
 * (span-writer.ts) and the relation and answer writers load the facts.
 */
export interface SpanDraft {
  labelId: string;
  start: number;
  end: number;
  quote?: string;
  target: TargetRef | null;
}

/** The HTTP error for a violation, its field under `prefix`: `body`, or an item of a list in it, which the message then names. */
export function violationError(violation: Violation, prefix = 'body'): HttpError {
  if (violation.overlapsWith !== undefined) return conflict(violation.message, { overlapsWith: violation.overlapsWith });
  const path = `${prefix}.${violation.field}`;
  return validationFailed(prefix === 'body' ? violation.message : `${path}: ${violation.message}`, [{ path, message: violation.reason }]);
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
