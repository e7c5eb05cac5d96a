import type { Prisma } from '@/lib/generated/prisma/client';
import type { SpanLayer } from '@/lib/schema/types';

/** The select every annotation read uses, and its wire shape (author "gold" for the gold layer). */
export const annotationFields = {
  id: true,
  documentId: true,
  authorId: true,
  labelId: true,
  start: true,
  end: true,
  quote: true,
  attributes: true,
  unsure: true,
  note: true,
  targetId: true,
  targetAnnotationId: true,
  origin: true,
  version: true,
  sourceIds: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AnnotationSelect;

export const annotationSelect = { ...annotationFields, label: { select: { key: true, layer: true } } } as const satisfies Prisma.AnnotationSelect;

/** The annotation's own columns: what writers load and store without joining its label. */
export type AnnotationFields = Prisma.AnnotationGetPayload<{ select: typeof annotationFields }>;
type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export function toWire(row: AnnotationRow) {
  const { authorId, label, targetId, targetAnnotationId, ...rest } = row;
  return {
    ...rest,
    author: authorId ?? 'gold',
    label: label.key,
    // Only span labels are ever stored on annotations (invariants.ts).
    layer: label.layer as SpanLayer,
    target: targetId ? { kind: 'target' as const, id: targetId } : targetAnnotationId ? { kind: 'span' as const, id: targetAnnotationId } : null,
  };
}
