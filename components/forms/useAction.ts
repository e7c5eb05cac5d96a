'use client';

import { useCallback, useState, useTransition, type FormEvent } from 'react';
import { errorMessage } from '@/components/api';

/**
 * Runs an async user action (usually an API call, then a navigation or refresh)
 * and keeps the message of whatever it threw for the form to show. The action
 * runs as a transition, so `pending` spans the whole async function and the
 * re-render it causes does not block typing.
 */
export function useAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const run = useCallback((action: () => Promise<void>) => {
    setError(null);
    startTransition(async () => {
      try {
        await action();
      } catch (caught) {
        setError(errorMessage(caught));
      }
    });
  }, []);

  const submitWith = useCallback(
    (handler: (data: FormData, form: HTMLFormElement) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      run(() => handler(new FormData(form), form));
    },
    [run],
  );

  return { pending, error, run, submitWith };
}
