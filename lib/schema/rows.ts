import type { SchemaDefinition } from './types';

/** Database rows for a schema definition; list order becomes `position`. */
export function schemaRows(projectId: string, schema: SchemaDefinition) {
  return {
    labels: schema.labels.map((label, position) => ({
      projectId,
      position,
      layer: label.layer,
      key: label.key,
      name: label.name,
      description: label.description,
      color: label.color,
      hotkey: label.hotkey ?? null,
      sourceTypes: label.sourceTypes ?? [],
      targetTypes: label.targetTypes ?? [],
      options: (label.options ?? []).map(({ key, name }) => ({ key, name })),
      multiple: label.multiple ?? false,
      perTarget: label.perTarget ?? false,
      retired: false,
    })),
    targets: schema.targets.map((target, position) => ({ projectId, position, key: target.key, name: target.name, aliases: target.aliases, retired: false })),
  };
}
