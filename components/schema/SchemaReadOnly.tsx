import { DataTable } from '@/components/ui/DataTable';
import { LabelChip } from '@/components/projects/LabelChip';
import { groupByLayer, LAYER_TITLES } from '@/components/projects/layers';
import type { StoredSchema } from './model';
import styles from './SchemaReadOnly.module.css';

type Label = StoredSchema['labels'][number];

/** The active schema for members who may read but not change it: what each label means, and its hotkey. */
export function SchemaReadOnly({ schema, roleName }: { schema: StoredSchema; roleName: string }) {
  const layers = groupByLayer(schema.labels.filter((label) => !label.retired));
  const targets = schema.targets.filter((target) => !target.retired);
  const entityNames = new Map(schema.labels.filter((label) => label.layer === 'ENTITY').map((label) => [label.key, label.name]));
  const names = (keys: string[]) => (keys.length === 0 ? 'any entity' : keys.map((key) => entityNames.get(key) ?? key).join(', '));

  return (
    <>
      <div className={`notice ${styles.notice}`} role="note">
        <p>You can read the label schema; changing it needs the Manager or Owner role. Your role is {roleName}.</p>
      </div>
      {layers.length === 0 && <p className="muted">This project has no labels yet.</p>}
      {layers.map(({ layer, items }) => (
        <section key={layer} aria-labelledby={`readonly-${layer}`} className="panel">
          <h2 id={`readonly-${layer}`}>
            {LAYER_TITLES[layer]} <span className="muted">({items.length})</span>
          </h2>
          <DataTable
            rows={items}
            columns={[
              {
                header: 'Label',
                cell: (label) => (
                  <ul className="chips">
                    <LabelChip name={label.name} labelKey={label.key} color={label.color} description="" />
                  </ul>
                ),
              },
              { header: 'Hotkey', cell: (label) => (label.hotkey ? <kbd>{label.hotkey}</kbd> : <span className="muted">—</span>) },
              {
                header: 'Guidance',
                cell: (label) => (
                  <>
                    {label.description || <span className="muted">No description.</span>}
                    <LayerDetails label={label} names={names} />
                  </>
                ),
              },
            ]}
          />
        </section>
      ))}
      {targets.length > 0 && (
        <section aria-labelledby="readonly-targets" className="panel">
          <h2 id="readonly-targets">Stance targets</h2>
          <ul className="target-list">
            {targets.map((target) => (
              <li key={target.id}>
                <strong>{target.name}</strong> <code>{target.key}</code>
                {target.aliases.length > 0 && <span className="muted"> — also: {target.aliases.join(', ')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function LayerDetails({ label, names }: { label: Label; names: (keys: string[]) => string }) {
  if (label.layer === 'RELATION') {
    return (
      <p className="note">
        From {names(label.sourceTypes)} to {names(label.targetTypes)}.
      </p>
    );
  }
  if (label.layer !== 'DOCUMENT') return null;
  return (
    <p className="note">
      {label.multiple ? 'Choose any of' : 'Choose one of'}: {label.options.map((option) => option.name).join(', ')}
      {label.perTarget && ' — asked once per stance target'}.
    </p>
  );
}
