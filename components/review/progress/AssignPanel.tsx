'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { api } from '@/components/api';
import type { ResponseOf } from '@/lib/api/client';
import type * as assignment from '@/lib/api/contracts/assignment';
import { InputField } from '@/components/forms/InputField';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { plural } from '@/components/review/format';
import { ChoiceGroup } from './ChoiceGroup';
import styles from './progress.module.css';

type Mode = 'round-robin' | 'explicit';

interface AssignPanelProps {
  projectId: string;
  /** Members who may annotate, whatever their role; `chosen` ones start ticked. */
  annotators: { id: string; name: string; chosen: boolean }[];
  documents: { id: string; name: string }[];
  defaultPerDocument: number;
}

export function AssignPanel({ projectId, annotators, documents, defaultPerDocument }: AssignPanelProps) {
  const router = useRouter();
  const { pending, error, submitWith } = useAction();
  const [mode, setMode] = useState<Mode>('round-robin');
  const [userIds, setUserIds] = useState(() => new Set(annotators.filter((a) => a.chosen).map((a) => a.id)));
  const [documentIds, setDocumentIds] = useState(() => new Set(documents.map((d) => d.id)));
  // The project's default, never quietly lowered to fit the people ticked: too few chosen is said below.
  const [perDocument, setPerDocument] = useState(defaultPerDocument);
  const [result, setResult] = useState<string | null>(null);

  const problem =
    userIds.size === 0
      ? 'Choose at least one annotator.'
      : documentIds.size === 0
        ? 'Choose at least one document.'
        : mode === 'round-robin' && (perDocument < 1 || perDocument > userIds.size)
          ? `Annotators per document (${perDocument}) must be between 1 and the ${userIds.size} chosen: choose more annotators or lower it.`
          : null;

  const onSubmit = submitWith(async () => {
    setResult(null);
    if (problem) throw new Error(problem);
    // Keep the list order, which is the project's document order.
    const users = annotators.filter((a) => userIds.has(a.id)).map((a) => a.id);
    const docs = documents.filter((d) => documentIds.has(d.id)).map((d) => d.id);
    const body =
      mode === 'explicit'
        ? { mode, documentIds: docs, userIds: users }
        : { mode, userIds: users, perDocument, ...(docs.length === documents.length ? {} : { documentIds: docs }) };
    const answer = await api<typeof assignment.assign>('POST /projects/{id}/assignments', { params: { id: projectId }, body });
    setResult(describe(answer));
    router.refresh();
  });

  return (
    <form className="form form--wide" onSubmit={onSubmit}>
      <fieldset className="fieldset">
        <legend>How to assign</legend>
        <div className={styles.modes}>
          <ModeOption mode="round-robin" current={mode} onChange={setMode} label="Round-robin" hint="Spread the documents evenly, N annotators each." />
          <ModeOption mode="explicit" current={mode} onChange={setMode} label="Explicit" hint="Every chosen annotator gets every chosen document." />
        </div>
      </fieldset>
      {mode === 'round-robin' && (
        <div className={styles.perDocument}>
          <InputField
            label="Annotators per document"
            hint={`Project default: ${defaultPerDocument}. Agreement needs at least 2.`}
            type="number"
            // No max: the browser's own refusal would not say that more people need choosing; `problem` does.
            min={1}
            value={perDocument}
            onChange={(event) => setPerDocument(Number.parseInt(event.target.value, 10) || 0)}
            required
          />
        </div>
      )}
      <ChoiceGroup legend="Annotators" options={annotators} selected={userIds} onChange={setUserIds} />
      <ChoiceGroup legend="Documents" options={documents} selected={documentIds} onChange={setDocumentIds} />
      <p className="note">Existing assignments are kept as they are; only missing ones are added.</p>
      <SubmitButton pending={pending} pendingLabel="Assigning…">
        Assign documents
      </SubmitButton>
      <FormError message={error} />
      <FormStatus message={result} />
    </form>
  );
}

function ModeOption({ mode, current, onChange, label, hint }: { mode: Mode; current: Mode; onChange: (mode: Mode) => void; label: string; hint: string }) {
  const id = useId();
  return (
    <div className="checkbox-field">
      <input type="radio" id={id} name="mode" value={mode} checked={current === mode} onChange={() => onChange(mode)} aria-describedby={`${id}-hint`} />
      <div>
        <label htmlFor={id}>{label}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}

function describe({ created, documents, annotators, note }: ResponseOf<typeof assignment.assign>): string {
  const scope = `${plural(documents, 'document')} and ${plural(annotators, 'annotator')}`;
  const done = created === 0 ? `Nothing new to assign: ${scope} already had these assignments.` : `Created ${plural(created, 'assignment')} over ${scope}.`;
  return note ? `${done} ${note}` : done;
}
