'use client';

import { useState } from 'react';
import { LAYER_TITLES } from '@/components/projects/layers';
import type { Layer } from '@/lib/schema/types';
import { useSchemaEditor } from './context';
import { addButtonId, focusSoon } from './focus';
import { LabelRow } from './LabelRow';
import { LAYER_ITEM, LAYER_PURPOSE } from './layer-text';
import { newUid } from './model';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey } from './validation';

/** One layer's active labels, in the order annotators see them. */
export function LayerSection({ layer }: { layer: Layer }) {
  const { draft, dispatch } = useSchemaEditor();
  const [announcement, setAnnouncement] = useState('');
  const labels = draft.labels.filter((label) => label.layer === layer);
  const headingId = `layer-${layer}-heading`;

  const add = () => {
    const uid = newUid();
    dispatch({ type: 'addLabel', layer, uid });
    focusSoon(controlId(fieldKey(uid, 'name')));
  };

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {LAYER_TITLES[layer]} <span className="muted">({labels.length})</span>
      </h2>
      <p className="note">{LAYER_PURPOSE[layer]}</p>
      {labels.length > 0 && (
        <ol className={styles.rows}>
          {labels.map((label, index) => (
            <LabelRow key={label.uid} label={label} position={index} count={labels.length} announce={setAnnouncement} />
          ))}
        </ol>
      )}
      <button type="button" id={addButtonId(layer)} className="button button--secondary" onClick={add}>
        Add {LAYER_ITEM[layer]}
      </button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </section>
  );
}
