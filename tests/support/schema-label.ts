import type { SchemaLabel } from '@/lib/editor/schema';

/** A schema label as the editor receives it, with neutral defaults for what a test does not care about. */
export function schemaLabel(layer: SchemaLabel['layer'], key: string, extra: Partial<SchemaLabel> = {}): SchemaLabel {
  return {
    id: key,
    layer,
    key,
    name: key,
    description: '',
    color: '#000000',
    hotkey: null,
    position: 0,
    retired: false,
    sourceTypes: [],
    targetTypes: [],
    options: [],
    multiple: false,
    perTarget: false,
    ...extra,
  };
}
