'use client';

import { FieldErrorText } from '@/components/forms/Field';
import { useSchemaEditor } from './context';
import type { DraftLabel } from './model';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey } from './validation';

type End = 'sourceTypes' | 'targetTypes';

const END_TEXT: Record<End, string> = {
  sourceTypes: 'Allowed source entities',
  targetTypes: 'Allowed target entities',
};

/** Which ENTITY labels a relation may start and end at. */
export function RelationTypesFields({ label }: { label: DraftLabel }) {
  return (
    <div className={`${styles.wide} ${styles.relationEnds}`}>
      <EntityChoices label={label} end="sourceTypes" />
      <EntityChoices label={label} end="targetTypes" />
    </div>
  );
}

function EntityChoices({ label, end }: { label: DraftLabel; end: End }) {
  const { draft, editLabel, shown } = useSchemaEditor();
  const field = fieldKey(label.uid, end);
  const id = controlId(field);
  const error = shown.fields.get(field);
  const chosen = new Set(label[end]);
  // A retired entity still ticked here must stay visible, or it could not be unticked.
  const entities = [
    ...draft.labels.filter((entity) => entity.layer === 'ENTITY'),
    ...draft.retiredLabels.filter((entity) => entity.layer === 'ENTITY' && chosen.has(entity.uid)),
  ];
  const retired = new Set(draft.retiredLabels.map((entity) => entity.uid));
  const toggle = (uid: string, on: boolean) => {
    const next = on ? [...label[end], uid] : label[end].filter((other) => other !== uid);
    editLabel(label.uid, { [end]: next }, field);
  };

  return (
    <fieldset id={id} className={`fieldset ${styles.choices}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{END_TEXT[end]}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        None ticked: any entity.
      </p>
      {entities.length === 0 ? (
        <p className="muted">There are no entity labels yet.</p>
      ) : (
        <ul className={styles.choiceGrid}>
          {entities.map((entity) => (
            <li key={entity.uid}>
              <label className={styles.choice}>
                <input type="checkbox" checked={chosen.has(entity.uid)} onChange={(event) => toggle(entity.uid, event.target.checked)} />
                <span>
                  {entity.name || entity.key || 'New label'}
                  {retired.has(entity.uid) && <em> (retired)</em>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && <FieldErrorText id={`${id}-error`} message={error} />}
    </fieldset>
  );
}
