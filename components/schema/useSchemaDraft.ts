'use client';

import { useCallback, useMemo, useReducer, useState } from 'react';
import { api, ApiError } from '@/components/api';
import type * as schema from '@/lib/api/contracts/schema';
import { useAction } from '@/components/forms/useAction';
import { draftFromStored, sameSchema, serialize, type Draft, type StoredSchema } from './model';
import { draftReducer, type DraftAction } from './reducer';
import { checkDraft, serverProblems, type Problems } from './validation';

/**
 * The editor's state: the draft, which fields the user has touched, and the
 * problems to show. Client checks appear on a field once it is touched (or after
 * a save attempt), so a fresh row is not covered in red; the server's problems
 * show until the field they name is edited. `refusals` counts the saves refused,
 * by the client checks or by the server, so the problem summary knows when to take focus.
 */
export function useSchemaDraft(projectId: string, initial: StoredSchema) {
  const [saved, setSaved] = useState(() => draftFromStored(initial));
  const [draft, dispatch] = useReducer(draftReducer, saved);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<Problems>({ fields: new Map(), general: [] });
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const [refusals, setRefusals] = useState(0);
  const { pending, error, run } = useAction();

  const client = useMemo(() => checkDraft(draft), [draft]);
  const dirty = useMemo(() => !sameSchema(draft, saved), [draft, saved]);

  const shown = useMemo(() => {
    const fields = new Map([...client.fields].filter(([field]) => attempted || touched.has(field)));
    for (const [field, message] of server.fields) fields.set(field, message);
    return { fields, general: [...(attempted ? client.general : []), ...server.general] };
  }, [client, server, touched, attempted]);

  const touch = useCallback((field: string) => {
    setSavedMessage(null);
    setTouched((previous) => (previous.has(field) ? previous : new Set(previous).add(field)));
    setServer((previous) => {
      if (!previous.fields.has(field)) return previous;
      const fields = new Map(previous.fields);
      fields.delete(field);
      return { ...previous, fields };
    });
  }, []);

  const editLabel = useCallback(
    (uid: string, patch: Extract<DraftAction, { type: 'updateLabel' }>['patch'], field: string) => {
      dispatch({ type: 'updateLabel', uid, patch });
      touch(field);
    },
    [touch],
  );
  const editTarget = useCallback(
    (uid: string, patch: Extract<DraftAction, { type: 'updateTarget' }>['patch'], field: string) => {
      dispatch({ type: 'updateTarget', uid, patch });
      touch(field);
    },
    [touch],
  );

  const reset = (next: Draft) => {
    dispatch({ type: 'reset', draft: next });
    setTouched(new Set());
    setAttempted(false);
    setServer({ fields: new Map(), general: [] });
  };

  const discard = () => {
    reset(saved);
    setSavedMessage(null);
  };

  const save = () => {
    setAttempted(true);
    setSavedMessage(null);
    if (client.fields.size > 0 || client.general.length > 0) {
      setRefusals((count) => count + 1);
      return;
    }
    const snapshot = serialize(draft);
    run(async () => {
      try {
        const stored = await api<typeof schema.replaceSchema>('PUT /projects/{id}/schema', { params: { id: projectId }, body: snapshot.body });
        const next = draftFromStored(stored);
        setSaved(next);
        reset(next);
        setSavedMessage('Schema saved.');
      } catch (caught) {
        if (!(caught instanceof ApiError) || caught.details === undefined) throw caught;
        const problems = serverProblems(caught.details, snapshot);
        setServer(problems);
        setRefusals((count) => count + 1);
        throw new Error(`Not saved: the server found ${problems.fields.size + problems.general.length} problem(s), listed at the top.`);
      }
    });
  };

  return { draft, dispatch, editLabel, editTarget, shown, attempted, refusals, dirty, pending, error, savedMessage, save, discard };
}

export type SchemaDraftApi = ReturnType<typeof useSchemaDraft>;
