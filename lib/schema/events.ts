import { changeOf, type EventInput } from '@/lib/events/log';
import { labelSnapshot, targetSnapshot } from '@/lib/events/snapshots';

type LabelRow = Parameters<typeof labelSnapshot>[0] & { id: string };
type TargetRow = Parameters<typeof targetSnapshot>[0] & { id: string };
export interface SchemaState {
  labels: LabelRow[];
  targets: TargetRow[];
}

/**
 * One event per label or target that a schema write created or changed (renamed, recoloured,
 * moved, retired, revived), with its state before and after; untouched items give none. Labels
 * and targets are never deleted, so there is no DELETE here: retiring is an UPDATE.
 */
export function schemaEvents(projectId: string, actorId: string | null, before: SchemaState, after: SchemaState): EventInput[] {
  return [
    ...changes(before.labels, after.labels, labelSnapshot).map((change) => ({ projectId, documentId: null, actorId, entity: 'LABEL' as const, ...change })),
    ...changes(before.targets, after.targets, targetSnapshot).map((change) => ({ projectId, documentId: null, actorId, entity: 'TARGET' as const, ...change })),
  ];
}

function changes<R extends { id: string }>(before: R[], after: R[], snapshot: (row: R) => object) {
  const old = new Map(before.map((row) => [row.id, JSON.stringify(snapshot(row))]));
  return after
    .filter((row) => old.get(row.id) !== JSON.stringify(snapshot(row)))
    .map((row) => {
      const previous = before.find((b) => b.id === row.id);
      return { entityId: row.id, ...changeOf(previous ? snapshot(previous) : null, snapshot(row)) };
    });
}
