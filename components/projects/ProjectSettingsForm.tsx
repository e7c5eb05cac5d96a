'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api } from '@/components/api';
import type * as projects from '@/lib/api/contracts/projects';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { readChecked, readInteger, readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { GuidelinesEditor } from './GuidelinesEditor';
import { AnnotatorsPerDocumentField, SettingToggle } from './SettingFields';
import { TOGGLE_NAMES, type ToggleName } from './settings-meta';

type EditableProject = Record<ToggleName, boolean> & {
  id: string;
  name: string;
  description: string;
  guidelines: string;
  annotatorsPerDocument: number;
  license: string;
};

export function ProjectSettingsForm({ project }: { project: EditableProject }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [saved, setSaved] = useState(false);

  const onSubmit = submitWith(async (data) => {
    setSaved(false);
    await api<typeof projects.updateProject>('PATCH /projects/{id}', {
      params: { id: project.id },
      body: {
        name: readText(data, 'name'),
        description: readText(data, 'description'),
        guidelines: readText(data, 'guidelines'),
        annotatorsPerDocument: readInteger(data, 'annotatorsPerDocument'),
        license: readText(data, 'license'),
        ...Object.fromEntries(TOGGLE_NAMES.map((name) => [name, readChecked(data, name)])),
      },
    });
    setSaved(true);
    router.refresh();
  });

  return (
    // Any further edit makes "Saved." untrue, so it goes away.
    <form className="form form--wide" onSubmit={onSubmit} onChange={() => setSaved(false)}>
      <Field label="Name">{(control) => <input {...control} name="name" required maxLength={200} defaultValue={project.name} />}</Field>
      <Field label="Description" optional>
        {(control) => <textarea {...control} name="description" rows={3} maxLength={5000} defaultValue={project.description} />}
      </Field>
      <GuidelinesEditor defaultValue={project.guidelines} />
      <AnnotatorsPerDocumentField defaultValue={project.annotatorsPerDocument} />
      <fieldset className="fieldset">
        <legend>Annotation</legend>
        {TOGGLE_NAMES.map((name) => (
          <SettingToggle key={name} name={name} defaultChecked={project[name]} />
        ))}
      </fieldset>
      <Field label="License" hint="The license of the texts and annotations, e.g. CC BY 4.0." optional>
        {(control) => <input {...control} name="license" maxLength={200} defaultValue={project.license} />}
      </Field>
      <FormError message={error} />
      <FormStatus message={saved ? 'Saved.' : null} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
