import { CheckboxField } from '@/components/forms/CheckboxField';
import { Field } from '@/components/forms/Field';
import { ANNOTATORS_PER_DOCUMENT, TOGGLES, type ToggleName } from './settings-meta';

const { label, min, max } = ANNOTATORS_PER_DOCUMENT;

export function AnnotatorsPerDocumentField({ defaultValue }: { defaultValue: number }) {
  return (
    <Field label={label} hint={`How many people annotate each document independently (${min}–${max}).`}>
      {(control) => (
        <input {...control} name="annotatorsPerDocument" type="number" inputMode="numeric" min={min} max={max} step={1} required defaultValue={defaultValue} />
      )}
    </Field>
  );
}

export function SettingToggle({ name, defaultChecked }: { name: ToggleName; defaultChecked: boolean }) {
  return <CheckboxField name={name} label={TOGGLES[name].label} hint={TOGGLES[name].hint} defaultChecked={defaultChecked} />;
}
