'use client';

import { LAYER_TITLES } from '@/components/projects/layers';
import { useSchemaEditor } from './context';
import { focusSoon } from './focus';
import { editButtonId } from './LabelRow';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey } from './validation';

/** Retired labels and targets: kept for the annotations that use them, and restorable. */
export function RetiredSection() {
  const { draft, dispatch } = useSchemaEditor();
  const { retiredLabels, retiredTargets } = draft;
  // Restoring removes the clicked button; focus follows the restored item to its place in the form.
  const restoreLabel = (uid: string) => {
    dispatch({ type: 'restore', list: 'labels', uid });
    focusSoon(editButtonId(uid));
  };
  const restoreTarget = (uid: string) => {
    dispatch({ type: 'restore', list: 'targets', uid });
    focusSoon(controlId(fieldKey(uid, 'name')));
  };
  return (
    <section aria-labelledby="retired-heading" className="panel">
      <h2 id="retired-heading">
        Retired <span className="muted">({retiredLabels.length + retiredTargets.length})</span>
      </h2>
      <p className="note">
        Annotators are not offered these any more, but annotations that use them stay readable and exportable. Restoring one brings it back once you save.
      </p>
      {retiredLabels.length + retiredTargets.length === 0 ? (
        <p className="muted">Nothing is retired.</p>
      ) : (
        <ul className={styles.retired}>
          {retiredLabels.map((label) => (
            <li key={label.uid}>
              <span className={styles.swatch} style={{ backgroundColor: label.color }} aria-hidden="true" />
              <span className={styles.rowTitle}>
                <strong>{label.name}</strong> <code>{label.key}</code> <span className="muted">· {LAYER_TITLES[label.layer]}</span>
              </span>
              <RestoreButton name={label.name} onRestore={() => restoreLabel(label.uid)} />
            </li>
          ))}
          {retiredTargets.map((target) => (
            <li key={target.uid}>
              <span className={styles.rowTitle}>
                <strong>{target.name}</strong> <code>{target.key}</code> <span className="muted">· Stance target</span>
              </span>
              <RestoreButton name={target.name} onRestore={() => restoreTarget(target.uid)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RestoreButton({ name, onRestore }: { name: string; onRestore: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onRestore}>
      Restore<span className="visually-hidden"> {name}</span>
    </button>
  );
}
