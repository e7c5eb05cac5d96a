import type { Layer } from '@/lib/schema/types';
import { groupByLayer, LAYER_TITLES } from './layers';
import { LabelChip } from './LabelChip';

interface SchemaLabel {
  id: string;
  layer: Layer;
  key: string;
  name: string;
  description: string;
  color: string;
  retired: boolean;
}

interface SchemaTarget {
  id: string;
  name: string;
  aliases: string[];
  retired: boolean;
}

/** The active label schema. Retired labels stay in the database for old annotations but are not offered any more. */
export function SchemaOverview({ labels, targets }: { labels: SchemaLabel[]; targets: SchemaTarget[] }) {
  const layers = groupByLayer(labels.filter((label) => !label.retired));
  const activeTargets = targets.filter((target) => !target.retired);
  if (layers.length === 0) return <p className="muted">This project has no labels yet.</p>;
  return (
    <div className="schema">
      {layers.map(({ layer, items }) => (
        <section key={layer} aria-labelledby={`layer-${layer}`}>
          <h3 id={`layer-${layer}`}>
            {LAYER_TITLES[layer]} <span className="muted">({items.length})</span>
          </h3>
          <ul className="chips">
            {items.map((label) => (
              <LabelChip key={label.id} name={label.name} labelKey={label.key} color={label.color} description={label.description} />
            ))}
          </ul>
        </section>
      ))}
      {activeTargets.length > 0 && (
        <section aria-labelledby="stance-targets">
          <h3 id="stance-targets">Stance targets</h3>
          <ul className="target-list">
            {activeTargets.map((target) => (
              <li key={target.id}>
                <strong>{target.name}</strong>
                {target.aliases.length > 0 && <span className="muted"> — also: {target.aliases.join(', ')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
