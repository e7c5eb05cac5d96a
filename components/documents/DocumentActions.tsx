'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { api, errorMessage } from '@/components/api';
import { CancelButton } from '@/components/forms/CancelButton';
import type * as contract from '@/lib/api/contracts/documents';

/**
 * A manager's actions on one document of the list: rename it in place, or withdraw it after
 * saying what that does. Both are events on the server; the list reloads afterwards.
 */
export function DocumentActions({ documentId, name }: { documentId: string; name: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'rename' | 'withdraw'>('idle');
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (request: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      setMode('idle');
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'rename') {
    return (
      <form
        className="inline-form"
        aria-label={`Rename ${name}`}
        onSubmit={(event) => {
          event.preventDefault();
          void send(() => api<typeof contract.renameDocument>('PATCH /documents/{id}', { params: { id: documentId }, body: { name: draft } }));
        }}
      >
        <label className="visually-hidden" htmlFor={`${documentId}-name`}>
          New name of {name}
        </label>
        <input id={`${documentId}-name`} value={draft} maxLength={500} required autoFocus onChange={(event) => setDraft(event.target.value)} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Save name
        </button>
        <CancelButton onClick={() => setMode('idle')} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    );
  }
  if (mode === 'withdraw') {
    return (
      <div role="group" aria-label={`Withdraw ${name}?`} className="inline-form">
        <span>Withdraw it? It leaves lists, queues and exports; its annotations and history are kept.</span>
        <button
          type="button"
          className="button button--danger-quiet"
          disabled={busy}
          autoFocus
          onClick={() => void send(() => api<typeof contract.deleteDocument>('DELETE /documents/{id}', { params: { id: documentId } }))}
        >
          Withdraw
        </button>
        <button type="button" className="button button--secondary" onClick={() => setMode('idle')}>
          Keep it
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="inline-form">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setDraft(name);
          setMode('rename');
        }}
      >
        Rename<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="button button--secondary" onClick={() => setMode('withdraw')}>
        Withdraw<span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}
