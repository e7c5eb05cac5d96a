'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/api';
import { FormError } from '@/components/forms/FormError';
import { useAction } from '@/components/forms/useAction';
import type * as contract from '@/lib/api/contracts/recommenders';
import type { RunItem } from './types';

const POLL_MS = 1000;
const active = (run: RunItem) => run.status === 'QUEUED' || run.status === 'RUNNING';

/** A run's progress bar, polled until the run ends, with its counts, what was dropped and why, and Cancel. */
export function RunProgress({ initial, mayCancel }: { initial: RunItem; mayCancel: boolean }) {
  const [run, setRun] = useState(initial);
  const { pending, error, run: act } = useAction();

  useEffect(() => {
    if (!active(run)) return;
    const timer = setTimeout(
      () => void api<typeof contract.getRun>('GET /runs/{id}', { params: { id: run.id } }).then(setRun, () => setRun({ ...run })),
      POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [run]);

  const processed = run.documentsDone + run.documentsFailed;
  const dropped = Object.entries(run.dropped);
  return (
    <section className="run-progress" aria-label="Run progress">
      <progress max={run.documents} value={processed} aria-label={`${processed} of ${run.documents} documents`} />
      <p role="status">
        {run.status.toLowerCase()}: {processed} of {run.documents} documents{run.documentsFailed > 0 && ` (${run.documentsFailed} failed)`},{' '}
        {run.suggestionsCount} suggestions
        {run.promptTokens + run.completionTokens > 0 && `, ${run.promptTokens + run.completionTokens} tokens`}
      </p>
      {dropped.length > 0 && <p className="muted">Dropped: {dropped.map(([reason, n]) => `${reason} ${n}`).join(', ')}</p>}
      {run.message && <p className={run.status === 'FAILED' ? 'form-error' : 'muted'}>{run.message}</p>}
      {mayCancel && active(run) && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() => act(async () => setRun(await api<typeof contract.cancelRun>('POST /runs/{id}/cancel', { params: { id: run.id } })))}
        >
          Cancel run
        </button>
      )}
      <FormError message={error} />
    </section>
  );
}
