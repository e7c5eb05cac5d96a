import type { SchemaLabel } from '@/lib/editor/schema';

/** A label of the editor's schema with every field at its plain default (id `id-<key>`); `extra` sets the fields a test is about. */
export function editorLabel(layer: SchemaLabel['layer'], key: string, extra: Partial<SchemaLabel> = {}): SchemaLabel {
  return {
    id: `id-${key}`,
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
