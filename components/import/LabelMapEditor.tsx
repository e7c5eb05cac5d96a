'use client';

import { LAYER_TITLES, groupByLayer } from '@/components/projects/layers';
import type { Layer } from '@/lib/schema/types';
import styles from './Import.module.css';
import type { MappingRow } from './options';

export interface SchemaLabelChoice {
  layer: Layer;
  key: string;
  name: string;
}

interface LabelMapEditorProps {
  rows: readonly MappingRow[];
  labels: readonly SchemaLabelChoice[];
  disabled: boolean;
  onAdd: () => void;
  onChange: (uid: string, patch: Partial<Omit<MappingRow, 'uid'>>) => void;
  onRemove: (uid: string) => void;
}

const mappingSourceId = (uid: string) => `mapping-${uid}-source`;
export const mappingTargetId = (uid: string) => `mapping-${uid}-target`;

/** Source label → schema key, for files that name labels differently from this project. */
export function LabelMapEditor({ rows, labels, disabled, onAdd, onChange, onRemove }: LabelMapEditorProps) {
  const layers = groupByLayer(labels);
  const sources = rows.map((row) => row.source.trim());
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Label mapping</legend>
      <p className="field__hint">
        When a file says <code>PER</code> where this project says <code>PERSON</code>. Labels are matched to keys without regard to case.
      </p>
      {rows.length > 0 && (
        <ul className="row-list">
          {rows.map((row, index) => {
            const duplicate = row.source.trim() !== '' && sources.indexOf(row.source.trim()) !== index;
            const errorId = `${mappingSourceId(row.uid)}-error`;
            return (
              <li key={row.uid} className={styles.mappingRow}>
                <span className="field">
                  <label className="field__label" htmlFor={mappingSourceId(row.uid)}>
                    Label in the file
                  </label>
                  <input
                    id={mappingSourceId(row.uid)}
                    value={row.source}
                    maxLength={100}
                    spellCheck={false}
                    aria-invalid={duplicate || undefined}
                    aria-describedby={duplicate ? errorId : undefined}
                    onChange={(event) => onChange(row.uid, { source: event.target.value })}
                  />
                  {duplicate && (
                    <span id={errorId} className={styles.fieldError}>
                      Mapped above already; only the last mapping counts.
                    </span>
                  )}
                </span>
                <span aria-hidden="true" className={styles.arrow}>
                  →
                </span>
                <span className="field">
                  <label className="field__label" htmlFor={mappingTargetId(row.uid)}>
                    Schema label
                  </label>
                  <select id={mappingTargetId(row.uid)} value={row.target} onChange={(event) => onChange(row.uid, { target: event.target.value })}>
                    <option value="">Choose…</option>
                    {layers.map(({ layer, items }) => (
                      <optgroup key={layer} label={LAYER_TITLES[layer]}>
                        {items.map((label) => (
                          <option key={label.key} value={label.key}>
                            {label.key} — {label.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </span>
                <button type="button" className={`button button--link ${styles.mappingRemove}`} onClick={() => onRemove(row.uid)}>
                  Remove<span className="visually-hidden"> mapping {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" className={`button button--secondary ${styles.addButton}`} onClick={onAdd}>
        Add a mapping
      </button>
    </fieldset>
  );
}
