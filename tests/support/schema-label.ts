import type { SchemaLabel } from '@/lib/editor/schema';

/** An active label of the editor's schema with every field at its plain default; `key` is its id and name too. */
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
