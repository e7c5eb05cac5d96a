import type pg from 'pg';
import { isSpanLayer, type Layer, type SpanLayer } from '@/lib/schema/types';

/**
 * Label and target ids → keys, so that annotation queries need no joins. Loaded with every batch
 * (a few dozen rows), so a label added while an export runs is known to the batches that use it.
 */
export interface LabelIndex {
  label(id: string): { key: string; layer: Layer };
  spanLabel(id: string): { key: string; layer: SpanLayer };
  target(id: string): string;
}

export async function loadLabelIndex(client: pg.ClientBase, projectId: string): Promise<LabelIndex> {
  // One round trip: this runs with every batch.
  const { rows } = await client.query<{ id: string; key: string; layer: Layer | null }>(
    `SELECT id, key, layer::text AS layer FROM "Label" WHERE "projectId" = $1
     UNION ALL SELECT id, key, NULL FROM "Target" WHERE "projectId" = $1`,
    [projectId],
  );
  const labelById = new Map<string, { key: string; layer: Layer }>();
  const spanLabelById = new Map<string, { key: string; layer: SpanLayer }>();
  const targetById = new Map<string, string>();
  for (const { id, key, layer } of rows) {
    if (layer === null) {
      targetById.set(id, key);
      continue;
    }
    labelById.set(id, { key, layer });
    if (isSpanLayer(layer)) spanLabelById.set(id, { key, layer });
  }
  const lookup = <T>(map: Map<string, T>, id: string, what: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`${what} ${id} is not in this project.`);
    return found;
  };
  return {
    label: (id) => lookup(labelById, id, 'Label'),
    spanLabel: (id) => lookup(spanLabelById, id, 'Span label'),
    target: (id) => lookup(targetById, id, 'Target'),
  };
}
