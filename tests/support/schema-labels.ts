import type { SchemaLabel } from '@/lib/editor/schema';

let position = 0;

/** A label as the editor receives it, in the order made (each gets the next position) unless `extra` says otherwise. */
export function schemaLabel(layer: SchemaLabel['layer'], key: string, name: string, extra: Partial<SchemaLabel> = {}): SchemaLabel {
  position += 1;
  return {
    id: `id-${key}`,
    layer,
    key,
    name,
    description: '',
    color: '#000000',
    hotkey: null,
    position,
    retired: false,
    sourceTypes: [],
    targetTypes: [],
    options: [],
    multiple: false,
    perTarget: false,
    ...extra,
  };
}
