'use client';

import { useId, type KeyboardEvent, type ReactNode } from 'react';
import styles from './panel.module.css';

export type PanelTab = 'spans' | 'relations' | 'document' | 'comments' | 'gold';

interface SidePanelProps {
  counts: { spans: number; relations: number };
  tab: PanelTab;
  onTabChange(tab: PanelTab): void;
  /** Adds the "Gold" tab (compare with gold). */
  gold?: boolean;
  children: ReactNode;
}

const TABS: { id: PanelTab; name: string }[] = [
  { id: 'spans', name: 'Spans' },
  { id: 'relations', name: 'Relations' },
  { id: 'document', name: 'Document' },
  { id: 'comments', name: 'Comments' },
];
const GOLD_TAB: { id: PanelTab; name: string } = { id: 'gold', name: 'Gold' };

/** The caller's work in lists, as tabs (arrow keys move between them). */
export function SidePanel({ counts, tab, onTabChange, gold = false, children }: SidePanelProps) {
  const id = useId();
  const tabs = gold ? [...TABS, GOLD_TAB] : TABS;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(tabs.findIndex((t) => t.id === tab) + step + tabs.length) % tabs.length]!;
    onTabChange(next.id);
    document.getElementById(`${id}-${next.id}`)?.focus();
  };
  const label = (t: PanelTab, name: string) => (t === 'spans' ? `${name} (${counts.spans})` : t === 'relations' ? `${name} (${counts.relations})` : name);
  return (
    <aside className={styles.panel} aria-label="Annotations">
      <div role="tablist" aria-label="Annotation lists" className={styles.tabs}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${id}-${t.id}`}
            type="button"
            role="tab"
            aria-selected={t.id === tab}
            aria-controls={`${id}-body`}
            tabIndex={t.id === tab ? 0 : -1}
            className={`tab-button ${styles.tab}`}
            onClick={() => onTabChange(t.id)}
            onKeyDown={onKeyDown}
          >
            {label(t.id, t.name)}
          </button>
        ))}
      </div>
      <div id={`${id}-body`} role="tabpanel" aria-labelledby={`${id}-${tab}`} className={styles.body}>
        {children}
      </div>
    </aside>
  );
}
