'use client';

import { useEffect, useState } from 'react';
import { ARC_CAP, arcVisibility, type ArcPreference } from '@/lib/editor/arcs';

/** The annotator's choice, kept in this browser for every document. */
const STORAGE_KEY = 'glossa.editor.arcs';

function storedPreference(): ArcPreference {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'on' || value === 'off' ? value : null;
  } catch {
    // Storage refused (private mode, a policy): arcs follow the default.
    return null;
  }
}

function storePreference(preference: 'on' | 'off'): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered, but the toggle still works for this page.
  }
}

/**
 * Whether the text shows relations as arcs (the toolbar's "Arcs" toggle), and which relation is
 * selected by clicking an arc. Above ARC_CAP relations arcs start hidden for the document; the
 * toggle then shows them for it without changing the remembered choice.
 */
export function useArcs(relationCount: number) {
  // Read after mounting: the server renders the editor without storage, and the first client render must match it.
  const [preference, setPreference] = useState<ArcPreference>(null);
  useEffect(() => setPreference(storedPreference()), []);
  const [forced, setForced] = useState(false);
  const [selection, setSelection] = useState<{ key: string | null; focus: boolean }>({ key: null, focus: false });
  const { drawn, tooMany } = arcVisibility(preference, relationCount, forced);

  const toggle = () => {
    if (tooMany) return setForced(true);
    if (forced && drawn) return setForced(false);
    const next = drawn ? 'off' : 'on';
    storePreference(next);
    setPreference(next);
  };
  const note = tooMany
    ? `Arcs hidden: ${relationCount.toLocaleString('en')} relations, more than ${ARC_CAP.toLocaleString('en')}, would cover the text. ` +
      'Press Arcs to draw them anyway.'
    : null;

  return {
    drawn,
    note,
    available: relationCount > 0,
    toggle,
    selection,
    /** An arc was clicked: select its relation and ask the relation list to focus it. */
    pick: (key: string) => setSelection({ key, focus: true }),
    /** The relation list moved to a relation: highlight its arc, leaving focus where it is. */
    select: (key: string | null) => setSelection((current) => (current.key === key && !current.focus ? current : { key, focus: false })),
  };
}
