'use client';

import { Field } from '@/components/forms/Field';
import { InputField } from '@/components/forms/InputField';
import { ColorField } from './ColorField';
import { useSchemaEditor } from './context';
import { KeyField } from './KeyField';
import type { DraftLabel } from './model';
import { QuestionFields } from './QuestionFields';
import { RelationTypesFields } from './RelationTypesFields';
import styles from './SchemaEditor.module.css';
import { controlId, fieldKey } from './validation';

/** The fields every label has, then those of its layer. */
export function LabelForm({ label, title }: { label: DraftLabel; title: string }) {
  const { editLabel, shown } = useSchemaEditor();
  const field = (name: string) => ({ id: controlId(fieldKey(label.uid, name)), error: shown.fields.get(fieldKey(label.uid, name)) });
  const edit = (patch: Parameters<typeof editLabel>[1], name: string) => editLabel(label.uid, patch, fieldKey(label.uid, name));

  return (
    <div className={styles.labelForm}>
      <InputField
        {...field('name')}
        label="Name"
        hint="What annotators see; rename freely."
        value={label.name}
        maxLength={120}
        onChange={(event) => edit({ name: event.target.value }, 'name')}
      />
      <KeyField
        {...field('key')}
        hint={label.stored ? 'Fixed: exports and imports refer to labels by key.' : 'A–Z, 0–9, _. Fixed once saved: exports refer to it.'}
        item={label}
        onChange={(key) => edit({ key }, 'key')}
      />
      <InputField
        {...field('hotkey')}
        label="Hotkey"
        optional
        hint="One lower-case letter or digit."
        value={label.hotkey}
        maxLength={1}
        autoComplete="off"
        spellCheck={false}
        className={`${styles.code} ${styles.hotkey}`}
        onChange={(event) => edit({ hotkey: event.target.value.toLowerCase() }, 'hotkey')}
      />
      <ColorField {...field('color')} title={title} value={label.color} onChange={(color) => edit({ color }, 'color')} />
      <Field
        {...field('description')}
        className={styles.wide}
        label="Description"
        optional
        hint="Shown to annotators as guidance: when to use this label, and when not."
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={4000}
            value={label.description}
            onChange={(event) => edit({ description: event.target.value }, 'description')}
          />
        )}
      </Field>
      {label.layer === 'RELATION' && <RelationTypesFields label={label} />}
      {label.layer === 'DOCUMENT' && <QuestionFields label={label} />}
    </div>
  );
}
