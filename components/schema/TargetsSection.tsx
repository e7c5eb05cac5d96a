'use client';

import { useState } from 'react';
import { Field, FieldErrorText } from '@/components/forms/Field';
import { InputField } from '@/components/forms/InputField';
import { itemHasProblems, useSchemaEditor } from './context';
import { addButtonId, focusSoon } from './focus';
import { KeyField } from './KeyField';
import { newUid, type DraftTarget } from './model';
import { RetireConfirm } from './RetireConfirm';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey, TARGETS_FIELD } from './validation';

/** What stance spans and per-target questions are about. */
export function TargetsSection() {
  const { draft, dispatch, shown } = useSchemaEditor();
  const error = shown.fields.get(TARGETS_FIELD);

  const add = () => {
    const uid = newUid();
    dispatch({ type: 'addTarget', uid });
    focusSoon(controlId(fieldKey(uid, 'name')));
  };

  return (
    <section
      id={controlId(TARGETS_FIELD)}
      aria-labelledby="targets-heading"
      aria-describedby={error ? `${controlId(TARGETS_FIELD)}-error` : undefined}
      className="panel"
    >
      <h2 id="targets-heading">
        Stance targets <span className="muted">({draft.targets.length})</span>
      </h2>
      <p className="note">
        Who or what a stance is taken towards. Stance labels and per-target questions need at least one. Aliases let imports name a target the way their source
        does.
      </p>
      {error && <FieldErrorText id={`${controlId(TARGETS_FIELD)}-error`} message={error} />}
      {draft.targets.length > 0 && (
        <ol className={styles.rows}>
          {draft.targets.map((target) => (
            <TargetRow key={target.uid} target={target} />
          ))}
        </ol>
      )}
      <button type="button" id={addButtonId('target')} className="button button--secondary" onClick={add}>
        Add target
      </button>
    </section>
  );
}

function TargetRow({ target }: { target: DraftTarget }) {
  const { dispatch, editTarget, shown } = useSchemaEditor();
  const [confirming, setConfirming] = useState(false);
  const title = target.name.trim() || target.key || 'New target';
  const field = (name: string) => ({ id: controlId(fieldKey(target.uid, name)), error: shown.fields.get(fieldKey(target.uid, name)) });
  const edit = (patch: Parameters<typeof editTarget>[1], name: string) => editTarget(target.uid, patch, fieldKey(target.uid, name));
  const retire = () => {
    dispatch({ type: 'retire', list: 'targets', uid: target.uid });
    focusSoon(addButtonId('target'));
  };

  return (
    <li className={`${styles.row} ${itemHasProblems(shown.fields, target.uid) ? styles.rowProblem : ''}`}>
      <div className={styles.targetForm}>
        <InputField {...field('name')} label="Name" value={target.name} maxLength={200} onChange={(event) => edit({ name: event.target.value }, 'name')} />
        <KeyField
          {...field('key')}
          hint={target.stored ? 'Fixed: exports refer to it.' : 'A–Z, 0–9 and _; fixed once saved.'}
          item={target}
          onChange={(key) => edit({ key }, 'key')}
        />
        <Field {...field('aliases')} label="Aliases" optional hint="One per line, or separated by commas.">
          {(control) => <textarea {...control} rows={2} value={target.aliases} onChange={(event) => edit({ aliases: event.target.value }, 'aliases')} />}
        </Field>
        <button
          type="button"
          id={`${target.uid}-retire`}
          className={`button button--secondary ${styles.targetRemove}`}
          onClick={() => (target.stored ? setConfirming(true) : retire())}
        >
          {target.stored ? 'Retire' : 'Remove'}
          <span className="visually-hidden"> {title}</span>
        </button>
      </div>
      {confirming && (
        <RetireConfirm title={title} returnFocusTo={`${target.uid}-retire`} onConfirm={retire} onCancel={() => setConfirming(false)}>
          <p>
            Once you save, annotators can no longer choose it. Existing stance annotations and answers keep it, and you can restore it from the Retired list.
          </p>
        </RetireConfirm>
      )}
    </li>
  );
}
