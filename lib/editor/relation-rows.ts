import type { Catalog } from './catalog';
import type { Relation, Span } from './model';
import type { SchemaLabel } from './schema';

/** One relation as the relation list shows it: both ends resolved to spans (null once deleted). */
export interface RelationRow {
  readonly relation: Relation;
  readonly type: SchemaLabel | undefined;
  readonly source: Span | null;
  readonly target: Span | null;
  /** The target comes before the source in the text: the arrow points back. */
  readonly backward: boolean;
}

export interface TypeCount {
  readonly labelId: string;
  readonly name: string;
  readonly count: number;
}

/** Where a row sits in the text: its earlier end, then its later end; relations without spans last. */
function position(row: RelationRow): [number, number] {
  const starts = [row.source?.start, row.target?.start].filter((start) => start !== undefined);
  return starts.length === 0 ? [Infinity, Infinity] : [Math.min(...starts), Math.max(...starts)];
}

/** Every relation with its ends and type, in text order (ties by key, so the order is stable). */
export function relationRows(catalog: Catalog, spans: ReadonlyMap<string, Span>, relations: ReadonlyMap<string, Relation>): RelationRow[] {
  const rows = [...relations.values()].map((relation) => {
    const source = spans.get(relation.sourceKey) ?? null;
    const target = spans.get(relation.targetKey) ?? null;
    return { relation, type: catalog.labels.get(relation.labelId), source, target, backward: !!source && !!target && target.start < source.start };
  });
  const keyed = rows.map((row) => ({ row, at: position(row) }));
  keyed.sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || (a.row.relation.key < b.row.relation.key ? -1 : 1));
  return keyed.map(({ row }) => row);
}

/** How many relations of each type, most frequent first (then by name). */
export function typeCounts(rows: readonly RelationRow[]): TypeCount[] {
  const counts = new Map<string, TypeCount>();
  for (const { relation, type } of rows) {
    const current = counts.get(relation.labelId);
    counts.set(relation.labelId, { labelId: relation.labelId, name: type?.name ?? 'Unknown type', count: (current?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
