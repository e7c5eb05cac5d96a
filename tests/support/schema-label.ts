import type { SchemaLabel } from '@/lib/editor/schema';

/** A schema label as the editor receives it, active, with no hotkey or types unless `extra` gives them. */
export const schemaLabel = (layer: SchemaLabel['layer'], key: string, extra: Partial<SchemaLabel> = {}): SchemaLabel => ({
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
});
