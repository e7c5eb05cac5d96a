'use client';

import { CheckboxField } from '@/components/forms/CheckboxField';
import { FieldErrorText } from '@/components/forms/Field';
import { InputField } from '@/components/forms/InputField';
import { useSchemaEditor } from './context';
import { focusSoon } from './focus';
import { KeyField } from './KeyField';
import { newUid, type DraftLabel, type DraftOption } from './model';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey, optionFieldKey } from './validation';

/** A DOCUMENT question: its answer options, and how it is asked. */
export function QuestionFields({ label }: { label: DraftLabel }) {
  const { editLabel } = useSchemaEditor();
  return (
    <div className={`${styles.wide} stack`}>
      <OptionsEditor label={label} />
      <div className="cluster">
        <CheckboxField
          label="Several options may be chosen"
          checked={label.multiple}
          onChange={(event) => editLabel(label.uid, { multiple: event.target.checked }, fieldKey(label.uid, 'multiple'))}
        />
        <CheckboxField
          label="Asked once per stance target"
          hint="Needs at least one stance target."
          checked={label.perTarget}
          onChange={(event) => editLabel(label.uid, { perTarget: event.target.checked }, fieldKey(label.uid, 'perTarget'))}
        />
      </div>
    </div>
  );
}

function OptionsEditor({ label }: { label: DraftLabel }) {
  const { editLabel, shown } = useSchemaEditor();
  const listField = fieldKey(label.uid, 'options');
  const listId = controlId(listField);
  const listError = shown.fields.get(listField);
  const setOptions = (options: DraftOption[], field: string) => editLabel(label.uid, { options }, field);
  const edit = (uid: string, patch: Partial<Pick<DraftOption, 'key' | 'name'>>, field: 'key' | 'name') =>
    setOptions(
      label.options.map((option) => (option.uid === uid ? { ...option, ...patch } : option)),
      optionFieldKey(label.uid, uid, field),
    );
  const add = () => {
    const uid = newUid();
    setOptions([...label.options, { uid, key: '', name: '' }], listField);
    focusSoon(controlId(optionFieldKey(label.uid, uid, 'name')));
  };

  return (
    <fieldset id={listId} className="fieldset" aria-describedby={listError ? `${listId}-error` : undefined}>
      <legend>Answer options</legend>
      {label.options.length > 0 && (
        <ol className="row-list">
          {label.options.map((option, index) => (
            <OptionRow
              key={option.uid}
              labelUid={label.uid}
              option={option}
              number={index + 1}
              onEdit={(patch, field) => edit(option.uid, patch, field)}
              onRemove={() =>
                setOptions(
                  label.options.filter((other) => other !== option),
                  listField,
                )
              }
            />
          ))}
        </ol>
      )}
      {listError && <FieldErrorText id={`${listId}-error`} message={listError} />}
      <button type="button" className={`button button--secondary ${styles.addButton}`} onClick={add}>
        Add option
      </button>
    </fieldset>
  );
}

interface OptionRowProps {
  labelUid: string;
  option: DraftOption;
  number: number;
  onEdit: (patch: Partial<Pick<DraftOption, 'key' | 'name'>>, field: 'key' | 'name') => void;
  onRemove: () => void;
}

function OptionRow({ labelUid, option, number, onEdit, onRemove }: OptionRowProps) {
  const { shown } = useSchemaEditor();
  const field = (name: 'key' | 'name') => {
    const key = optionFieldKey(labelUid, option.uid, name);
    return { id: controlId(key), error: shown.fields.get(key) };
  };
  return (
    <li className={styles.option}>
      <InputField
        {...field('name')}
        label={`Option ${number} name`}
        value={option.name}
        maxLength={120}
        onChange={(event) => onEdit({ name: event.target.value }, 'name')}
      />
      <KeyField {...field('key')} label={`Option ${number} key`} item={option} onChange={(key) => onEdit({ key }, 'key')} />
      <button type="button" className={`button button--danger-quiet ${styles.optionRemove}`} onClick={onRemove}>
        Remove<span className="visually-hidden"> option {number}</span>
      </button>
    </li>
  );
}
