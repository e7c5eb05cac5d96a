import { isActive, relationAllows } from '@/lib/annotations/invariants';
import { isSpanLayer, type Layer } from '@/lib/schema/types';

/** A label of the project schema as the editor receives it (GET /projects/{id}/schema). */
export interface SchemaLabel {
  readonly id: string;
  readonly layer: Layer;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly color: string;
  readonly hotkey: string | null;
  readonly position: number;
  readonly retired: boolean;
  readonly sourceTypes: readonly string[];
  readonly targetTypes: readonly string[];
  readonly options: readonly { readonly key: string; readonly name: string }[];
  readonly multiple: boolean;
  readonly perTarget: boolean;
}

export interface SchemaTarget {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly retired: boolean;
}

/** A stored label as the client receives it: `options` is JSON, an array of { key, name } for document questions. */
export function schemaLabelOf<L extends Omit<SchemaLabel, 'options'> & { options: unknown }>(label: L): Omit<L, 'options'> & Pick<SchemaLabel, 'options'> {
  return { ...label, options: Array.isArray(label.options) ? (label.options as SchemaLabel['options']) : [] };
}

/** Labels that may be chosen for new work: retired ones only describe existing spans. */
export function activeLabels(labels: readonly SchemaLabel[], layer: Layer): SchemaLabel[] {
  return labels.filter((label) => label.layer === layer && isActive(label)).sort((a, b) => a.position - b.position);
}

export function spanLabelForHotkey(labels: readonly SchemaLabel[], key: string): SchemaLabel | undefined {
  return labels.find((label) => label.hotkey === key && isActive(label) && isSpanLayer(label.layer));
}

/** Relation types that may link a span labelled `sourceKey` to one labelled `targetKey` (empty lists allow any). */
export function relationTypesFor(labels: readonly SchemaLabel[], sourceKey: string, targetKey: string): SchemaLabel[] {
  return activeLabels(labels, 'RELATION').filter((label) => relationAllows(label, sourceKey, targetKey));
}
