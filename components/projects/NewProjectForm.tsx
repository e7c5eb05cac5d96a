'use client';

import { useRouter } from 'next/navigation';
import { api } from '@/components/api';
import type * as projects from '@/lib/api/contracts/projects';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { readChecked, readInteger, readText } from '@/components/forms/form-data';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { AnnotatorsPerDocumentField, SettingToggle } from './SettingFields';
import { PresetChooser } from './PresetChooser';
import type { PresetSummary } from './preset-summaries';

export function NewProjectForm({ presets, defaultPresetId }: { presets: PresetSummary[]; defaultPresetId: string }) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();

  const onSubmit = submitWith(async (data) => {
    const project = await api<typeof projects.createProject>('POST /projects', {
      body: {
        name: readText(data, 'name'),
        description: readText(data, 'description'),
        preset: readText(data, 'preset'),
        annotatorsPerDocument: readInteger(data, 'annotatorsPerDocument'),
        blindMode: readChecked(data, 'blindMode'),
      },
    });
    router.push(`/projects/${project.id}`);
  });

  return (
    <form className="form" onSubmit={onSubmit}>
      <Field label="Name">{(control) => <input {...control} name="name" required maxLength={200} autoComplete="off" />}</Field>
      <Field label="Description" optional>
        {(control) => <textarea {...control} name="description" rows={3} maxLength={5000} />}
      </Field>
      <PresetChooser presets={presets} defaultPresetId={defaultPresetId} />
      {/* The database's defaults, so leaving these alone is the same as not sending them. */}
      <AnnotatorsPerDocumentField defaultValue={2} />
      <SettingToggle name="blindMode" defaultChecked />
      <FormError message={error} />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create project
      </SubmitButton>
    </form>
  );
}
