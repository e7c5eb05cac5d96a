import { PRESETS } from '@/lib/schema/presets';
import { groupByLayer, LAYER_TITLES } from './layers';

/** What the preset chooser needs, without shipping every label definition to the browser. */
export interface PresetSummary {
  id: string;
  name: string;
  description: string;
  contents: string;
}

export function presetSummaries(): PresetSummary[] {
  return PRESETS.map(({ id, name, description, labels }) => ({
    id,
    name,
    description,
    contents:
      groupByLayer(labels)
        .map(({ layer, items }) => `${LAYER_TITLES[layer]}: ${items.length}`)
        .join(' · ') || 'No labels yet',
  }));
}
