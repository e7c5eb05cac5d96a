import { isActive } from '@/lib/annotations/invariants';
import type { DbClient } from '@/lib/db/client';
import type { LabelLayer } from '@/lib/generated/prisma/enums';
import { isSpanLayer, type SpanLayer } from '@/lib/schema/types';

interface LabelRow {
  id: string;
  layer: LabelLayer;
  key: string;
  retired: boolean;
  sourceTypes: string[];
  targetTypes: string[];
  options: unknown;
  multiple: boolean;
  perTarget: boolean;
}

type Resolution<T> = { ok: true; value: T } | { ok: false; reason: string; unknownLabel?: string };

/**
 * The project's schema as lookups for imported records. A source label is
 * first passed through the user's mapping, then matched by key (case-insensitive);
 * a key used in several span layers needs the layer from the source.
 */
export class SchemaLookup {
  private constructor(
    private readonly labels: LabelRow[],
    private readonly targets: { id: string; key: string; retired: boolean; names: string[] }[],
    private readonly labelMap: Record<string, string>,
  ) {}

  static async load(db: DbClient, projectId: string, labelMap: Record<string, string> = {}) {
    const [labels, targets] = await Promise.all([
      db.label.findMany({
        where: { projectId },
        select: { id: true, layer: true, key: true, retired: true, sourceTypes: true, targetTypes: true, options: true, multiple: true, perTarget: true },
      }),
      db.target.findMany({ where: { projectId }, select: { id: true, key: true, name: true, aliases: true, retired: true } }),
    ]);
    return new SchemaLookup(
      labels,
      targets.map((t) => ({ id: t.id, key: t.key, retired: t.retired, names: [t.key, t.name, ...t.aliases].map(fold) })),
      labelMap,
    );
  }

  spanLabel(sourceLabel: string, layer?: SpanLayer): Resolution<LabelRow> {
    const key = fold(this.labelMap[sourceLabel] ?? sourceLabel);
    const candidates = preferActive(this.labels.filter((l) => fold(l.key) === key && (layer ? l.layer === layer : isSpanLayer(l.layer))));
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

  /**
   * An answer's values as the question's option keys: each passed through the user's mapping,
   * then matched case-insensitively (doccano and Label Studio write "negative" for NEGATIVE).
   * A value matching no option is returned as it is, for the answer check to name it.
   */
  optionValues(question: LabelRow, values: readonly string[]): string[] {
    const keys = new Map(((question.options ?? []) as { key: string }[]).map((option) => [fold(option.key), option.key]));
    return values.map((value) => {
      const mapped = this.labelMap[value] ?? value;
      return keys.get(fold(mapped)) ?? mapped;
    });
  }

  target(reference: string): Resolution<{ id: string; retired: boolean }> {
    const [found] = preferActive(this.targets.filter((t) => t.names.includes(fold(reference))));
    return found ? { ok: true, value: found } : { ok: false, reason: `stance target "${reference}" is not a project target (key, name or alias)` };
  }

  private byLayer(sourceLabel: string, layer: LabelLayer, what: string): Resolution<LabelRow> {
    const key = fold(this.labelMap[sourceLabel] ?? sourceLabel);
    const [found] = preferActive(this.labels.filter((l) => l.layer === layer && fold(l.key) === key));
    return found ? { ok: true, value: found } : { ok: false, reason: `${what} "${sourceLabel}" is not in the project schema`, unknownLabel: sourceLabel };
  }
}

/**
 * Retired labels and targets are looked up too, so that the invariants can say "retired"
 * instead of "unknown"; a name that also belongs to an active one means the active one.
 */
function preferActive<T extends { retired: boolean }>(rows: T[]): T[] {
  const active = rows.filter(isActive);
  return active.length > 0 ? active : rows;
}

function fold(value: string): string {
  return value.trim().toLowerCase();
}
