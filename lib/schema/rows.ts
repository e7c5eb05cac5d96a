import type { SchemaDefinition } from './types';

/**
 * Database rows for a schema definition. List order becomes `position`, counted
 * over the active items so that GET (active first, by position) and PUT of its
 * answer agree; retired items come after them (the store keeps a stored retired
 * item's position).
 */
export function schemaRows(projectId: string, schema: SchemaDefinition) {
  return {
    labels: placed(projectId, schema.labels, (label) => ({
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
    })),
    targets: placed(projectId, schema.targets, (target) => ({ key: target.key, name: target.name, aliases: target.aliases })),
  };
}

/** Each item's row with the columns labels and targets share: the project, the position and whether it is retired. */
function placed<T extends { retired?: boolean }, R>(projectId: string, items: T[], columns: (item: T) => R) {
  let active = 0;
  let retired = items.filter((item) => !item.retired).length;
  return items.map((item) => ({ projectId, position: item.retired ? retired++ : active++, ...columns(item), retired: item.retired ?? false }));
}
