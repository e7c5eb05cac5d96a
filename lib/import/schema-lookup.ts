import type { DbClient } from '@/lib/db/client';
import type { LabelLayer } from '@/lib/generated/prisma/enums';

export type SpanLayer = 'ENTITY' | 'STANCE' | 'FRAME';
const SPAN_LAYERS: SpanLayer[] = ['ENTITY', 'STANCE', 'FRAME'];

export interface LabelRow {
  id: string;
  layer: LabelLayer;
  key: string;
  sourceTypes: string[];
  targetTypes: string[];
  options: unknown;
  multiple: boolean;
  perTarget: boolean;
}

export type Resolution<T> = { ok: true; value: T } | { ok: false; reason: string; unknownLabel?: string };

/**
 * The project's active schema as lookups for imported records. A source label is
 * first passed through the user's mapping, then matched by key (case-insensitive);
 * a key used in several span layers needs the layer from the source.
 */
export class SchemaLookup {
  private constructor(
    private readonly labels: LabelRow[],
    private readonly targets: { id: string; key: string; names: string[] }[],
    private readonly labelMap: Record<string, string>,
  ) {}

  static async load(db: DbClient, projectId: string, labelMap: Record<string, string> = {}) {
    const [labels, targets] = await Promise.all([
      db.label.findMany({
        where: { projectId, retired: false },
        select: { id: true, layer: true, key: true, sourceTypes: true, targetTypes: true, options: true, multiple: true, perTarget: true },
      }),
      db.target.findMany({ where: { projectId, retired: false }, select: { id: true, key: true, name: true, aliases: true } }),
    ]);
    return new SchemaLookup(
      labels,
      targets.map((t) => ({ id: t.id, key: t.key, names: [t.key, t.name, ...t.aliases].map(fold) })),
      labelMap,
    );
  }

  spanLabel(sourceLabel: string, layer?: SpanLayer): Resolution<LabelRow> {
    const key = fold(this.labelMap[sourceLabel] ?? sourceLabel);
    const candidates = this.labels.filter((l) => fold(l.key) === key && (layer ? l.layer === layer : SPAN_LAYERS.includes(l.layer as SpanLayer)));
    if (candidates.length === 1) return { ok: true, value: candidates[0]! };
    if (candidates.length > 1) {
      return { ok: false, reason: `label "${sourceLabel}" exists in layers ${candidates.map((c) => c.layer).join(' and ')}; the source must say which` };
    }
    return { ok: false, reason: `label "${sourceLabel}" is not in the project schema${layer ? ` (layer ${layer})` : ''}`, unknownLabel: sourceLabel };
  }

  relationLabel(sourceLabel: string): Resolution<LabelRow> {
    return this.byLayer(sourceLabel, 'RELATION', 'relation type');
  }

  question(sourceLabel: string): Resolution<LabelRow> {
    return this.byLayer(sourceLabel, 'DOCUMENT', 'document question');
  }

  target(reference: string): Resolution<string> {
    const found = this.targets.find((t) => t.names.includes(fold(reference)));
    return found ? { ok: true, value: found.id } : { ok: false, reason: `stance target "${reference}" is not a project target (key, name or alias)` };
  }

  private byLayer(sourceLabel: string, layer: LabelLayer, what: string): Resolution<LabelRow> {
    const key = fold(this.labelMap[sourceLabel] ?? sourceLabel);
    const found = this.labels.find((l) => l.layer === layer && fold(l.key) === key);
    return found ? { ok: true, value: found } : { ok: false, reason: `${what} "${sourceLabel}" is not in the project schema`, unknownLabel: sourceLabel };
  }
}

function fold(value: string): string {
  return value.trim().toLowerCase();
}
