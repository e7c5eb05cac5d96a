'use client';

import { useState } from 'react';
import { api } from '@/components/api';
import { CancelButton } from '@/components/forms/CancelButton';
import { Field } from '@/components/forms/Field';
import { FormError } from '@/components/forms/FormError';
import { choicesOf } from '@/components/forms/Options';
import { SelectField } from '@/components/forms/SelectField';
import { useAction } from '@/components/forms/useAction';
import type * as contract from '@/lib/api/contracts/recommenders';
import { CONFIG_TEMPLATES, KIND_NAMES, type RecommenderItem } from './types';

const LAYERS = ['ENTITY', 'STANCE', 'FRAME', 'DOCUMENT'] as const;

/** Create a recommender, or edit one (its kind then stays). The server validates everything and names the field. */
export function RecommenderForm({
  projectId,
  editing,
  onSaved,
  onCancel,
}: {
  projectId: string;
  editing?: RecommenderItem;
  onSaved: (saved: RecommenderItem) => void;
  onCancel?: () => void;
}) {
  const [kind, setKind] = useState<RecommenderItem['kind']>(editing?.kind ?? 'string-match');
  const [config, setConfig] = useState(JSON.stringify(editing?.config ?? CONFIG_TEMPLATES['string-match'], null, 2));
  const { pending, error, submitWith } = useAction();

  const save = submitWith(async (data) => {
    // Any JSON goes as typed: the server answers a config that is not an object with a 400 naming `config`.
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(config);
    } catch {
      throw new Error('The config is not valid JSON.');
    }
    const labels = String(data.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const body = { name: String(data.get('name') ?? ''), layers: data.getAll('layers').map(String), labels, config: parsed };
    const saved = editing
      ? await api<typeof contract.updateRecommender>('PATCH /recommenders/{id}', { params: { id: editing.id }, body })
      : await api<typeof contract.createRecommender>('POST /projects/{id}/recommenders', { params: { id: projectId }, body: { ...body, kind } });
    onSaved(saved);
  });

  return (
    <form className="recommender-form" onSubmit={save} aria-label={editing ? `Edit ${editing.name}` : 'Add a recommender'}>
      {!editing && (
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(next) => {
            setKind(next);
            setConfig(JSON.stringify(CONFIG_TEMPLATES[next], null, 2));
          }}
          choices={choicesOf(KIND_NAMES)}
        />
      )}
      <Field label="Name">{(control) => <input {...control} name="name" required maxLength={200} defaultValue={editing?.name ?? ''} />}</Field>
      <fieldset>
        <legend>Layers it may suggest (none ticked: all)</legend>
        {LAYERS.map((layer) => (
          <label key={layer} className="checkbox">
            <input type="checkbox" name="layers" value={layer} defaultChecked={editing?.layers.includes(layer) ?? false} /> {layer}
          </label>
        ))}
      </fieldset>
      <Field label="Labels" hint="Label keys, comma-separated; empty: every label of its layers." optional>
        {(control) => <input {...control} name="labels" defaultValue={editing?.labels.join(', ') ?? ''} />}
      </Field>
      <Field label="Config (JSON)" hint="An API key is never stored here: name the server's environment variable that holds it (apiKeyEnv).">
        {(control) => <textarea {...control} name="config" rows={6} spellCheck={false} value={config} onChange={(event) => setConfig(event.target.value)} />}
      </Field>
      <FormError message={error} />
      <div className="inline-form">
        <button type="submit" className="button button--primary" disabled={pending}>
          {editing ? 'Save' : 'Add recommender'}
        </button>
        {onCancel && <CancelButton onClick={onCancel} />}
      </div>
    </form>
  );
}
