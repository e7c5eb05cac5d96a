'use client';

import { useState, type KeyboardEvent } from 'react';
import { CancelButton } from '@/components/forms/CancelButton';
import { FormError } from '@/components/forms/FormError';
import { InputField } from '@/components/forms/InputField';
import { SelectField } from '@/components/forms/SelectField';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { useAction } from '@/components/forms/useAction';
import { api } from '@/components/api';
import type * as annotations from '@/lib/api/contracts/annotations';
import type { OffsetIndex } from '@/lib/offsets';
import type { GoldSpan } from './row-actions';
import type { ReviewLabel } from './types';
import styles from './review.module.css';

interface SpanEditorProps {
  span: GoldSpan;
  text: OffsetIndex;
  /** The labels the span may take: its layer's active labels. */
  labels: readonly ReviewLabel[];
  onSaved: (message: string) => void;
  onCancel: () => void;
}

const CONTEXT = 30;

/** Changes a gold span's label or offsets. Offsets are code points, the API's unit. */
export function SpanEditor({ span, text, labels, onSaved, onCancel }: SpanEditorProps) {
  const { pending, error, submitWith } = useAction();
  const [labelId, setLabelId] = useState(span.labelId);
  const [start, setStart] = useState(span.start);
  const [end, setEnd] = useState(span.end);

  const problem =
    !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length
      ? `Offsets run from 0 to ${text.length}.`
      : start >= end
        ? 'The start must come before the end.'
        : null;
  const unchanged = labelId === span.labelId && start === span.start && end === span.end;

  const onSubmit = submitWith(async () => {
    if (problem) throw new Error(problem);
    await api<typeof annotations.updateAnnotation>('PATCH /annotations/{id}', {
      params: { id: span.id },
      body: {
        version: span.version,
        ...(labelId !== span.labelId ? { labelId } : {}),
        ...(start !== span.start ? { start } : {}),
        ...(end !== span.end ? { end } : {}),
      },
    });
    onSaved('Gold span saved.');
  });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') onCancel();
  };

  return (
    <form className={styles.editor} onSubmit={onSubmit} onKeyDown={onKeyDown} aria-label="Edit the gold span">
      <SelectField
        label="Label"
        value={labelId}
        onChange={setLabelId}
        // Focused on open: the editor appears because the curator asked to change this span.
        autoFocus
        // Names only: they are unique in a layer, and a key after a long name ("… jurisprudence (LEGALITY)") made the list wider than the panel.
        choices={labels.map((label) => ({ value: label.id, label: label.name }))}
      />
      <OffsetField label="Start" value={start} max={text.length} onChange={setStart} />
      <OffsetField label="End" value={end} max={text.length} onChange={setEnd} />
      <SubmitButton pending={pending} pendingLabel="Saving…" disabled={unchanged || problem !== null}>
        Save gold span
      </SubmitButton>
      <CancelButton onClick={onCancel} />
      <p className={`note ${styles.preview}`} aria-live="polite">
        {problem ?? (
          <>
            …{text.slice(Math.max(0, start - CONTEXT), start)}
            <mark>{text.slice(start, end)}</mark>
            {text.slice(end, Math.min(text.length, end + CONTEXT))}…
          </>
        )}
      </p>
      <FormError message={error} />
    </form>
  );
}

function OffsetField({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (value: number) => void }) {
  return (
    <InputField
      label={label}
      hint="Code point offset"
      type="number"
      min={0}
      max={max}
      step={1}
      value={Number.isNaN(value) ? '' : value}
      onChange={(event) => onChange(event.target.valueAsNumber)}
      required
    />
  );
}
