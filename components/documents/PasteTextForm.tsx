'use client';

import Link from 'next/link';
import { useState } from 'react';
import { api, errorMessage } from '@/components/api';
import { Field } from '@/components/forms/Field';
import type * as contract from '@/lib/api/contracts/documents';

type Outcome = { kind: 'created'; id: string; name: string } | { kind: 'duplicate'; id: string | null } | null;

/**
 * Text pasted from a web page or an e-mail, imported as one document through the same import
 * endpoint as files; without a title the server names it after the text's first line.
 */
export function PasteTextForm({ projectId }: { projectId: string }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    setOutcome(null);
    try {
      const document = { text, ...(title.trim() !== '' && { name: title.trim() }) };
      const answer = await api<typeof contract.importDocuments>('POST /projects/{id}/documents', {
        params: { id: projectId },
        body: { documents: [document] },
      });
      const created = answer.documents[0];
      if (created) {
        setOutcome({ kind: 'created', ...created });
        setTitle('');
        setText('');
      } else {
        setOutcome({ kind: 'duplicate', id: answer.files[0]?.duplicatesSkipped[0]?.existingDocumentId ?? null });
      }
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="paste-heading" className="panel">
      <h2 id="paste-heading">Paste text</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field label="Title" optional hint="Left empty, the document is named after its first line.">
          {(control) => <input {...control} value={title} maxLength={500} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <Field label="Text" hint="Kept exactly as pasted: line breaks included.">
          {(control) => <textarea {...control} rows={10} value={text} required onChange={(event) => setText(event.target.value)} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
          {busy ? 'Importing…' : 'Import the text'}
        </button>
        <div role="status">
          {outcome?.kind === 'created' && (
            <p className="form-status">
              Imported <Link href={`/projects/${projectId}/documents/${outcome.id}`}>{outcome.name}</Link>.
            </p>
          )}
          {outcome?.kind === 'duplicate' && (
            <p>
              Not imported: the project already has this text
              {outcome.id && (
                <>
                  {' '}
                  (<Link href={`/projects/${projectId}/documents/${outcome.id}`}>open it</Link>)
                </>
              )}
              .
            </p>
          )}
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
