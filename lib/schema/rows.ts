import type { SchemaDefinition } from './types';

/**
 * Database rows for a schema definition. List order becomes `position`, counted
 * over the active items so that GET (active first, by position) and PUT of its
 * answer agree; retired items come after them (the store keeps a stored retired
 * item's position).
 */
export function schemaRows(projectId: string, schema: SchemaDefinition) {
  const labelPositions = positions(schema.labels);
  const targetPositions = positions(schema.targets);
  return {
    labels: schema.labels.map((label, i) => ({
      projectId,
      position: labelPositions[i]!,
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
      retired: label.retired ?? false,
    })),
    targets: schema.targets.map((target, i) => ({
      projectId,
      position: targetPositions[i]!,
      key: target.key,
      name: target.name,
      aliases: target.aliases,
      retired: target.retired ?? false,
    })),
  };
}

function positions(items: { retired?: boolean }[]): number[] {
  let active = 0;
  let retired = items.filter((item) => !item.retired).length;
  return items.map((item) => (item.retired ? retired++ : active++));
}
