'use client';

import type { FormEvent } from 'react';
import { FormError } from '@/components/forms/FormError';
import { FormStatus } from '@/components/forms/FormStatus';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { LAYERS } from '@/lib/schema/types';
import { SchemaEditorContext } from './context';
import { LayerSection } from './LayerSection';
import type { StoredSchema } from './model';
import { ProblemSummary } from './ProblemSummary';
import { RetiredSection } from './RetiredSection';
import styles from './SchemaEditor.module.css';
import { TargetsSection } from './TargetsSection';
import { useSchemaDraft } from './useSchemaDraft';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning';

/** The whole label schema as one form: every change stays a draft until "Save schema" sends it all. */
export function SchemaEditor({ projectId, initial }: { projectId: string; initial: StoredSchema }) {
  const editor = useSchemaDraft(projectId, initial);
  useUnsavedChangesWarning(editor.dirty, 'The label schema has unsaved changes. Leave without saving them?');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    editor.save();
  };
  const onDiscard = () => {
    if (window.confirm('Discard every unsaved change to the schema?')) editor.discard();
  };

  return (
    <SchemaEditorContext value={editor}>
      {/* noValidate: the editor's own checks mirror the server's and say more than the browser's bubbles. */}
      <form onSubmit={onSubmit} noValidate aria-label="Label schema">
        <ProblemSummary />
        {LAYERS.map((layer) => (
          <LayerSection key={layer} layer={layer} />
        ))}
        <TargetsSection />
        <RetiredSection />
        <div className={styles.saveBar}>
          <FormError message={editor.error} />
          <FormStatus message={editor.savedMessage} />
          <div className="cluster">
            <SubmitButton pending={editor.pending} pendingLabel="Saving…" disabled={!editor.dirty}>
              Save schema
            </SubmitButton>
            <button type="button" className="button button--secondary" disabled={!editor.dirty || editor.pending} onClick={onDiscard}>
              Discard changes
            </button>
            <span className="muted" aria-live="polite">
              {editor.dirty ? 'Unsaved changes' : 'No unsaved changes'}
            </span>
          </div>
        </div>
      </form>
    </SchemaEditorContext>
  );
}
