'use client';

import { shortQuote, spanTitle, type Catalog } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import type { Conflict } from '@/lib/editor/sync';
import { Dialog } from './Dialog';
import styles from './dialog.module.css';

interface ConflictDialogProps {
  conflict: Conflict | null;
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  onResolve(choice: 'mine' | 'theirs'): void;
}

/** A span changed elsewhere (another tab, a script) while a change of ours was on its way. */
export function ConflictDialog({ conflict, catalog, spans, onResolve }: ConflictDialogProps) {
  const describe = (span: Span) => (
    <>
      <p>
        <strong>{spanTitle(catalog, spans, span)}</strong>
      </p>
      <p dir="auto">
        “{shortQuote(span.quote, 120)}”{' '}
        <span className="muted">
          [{span.start}–{span.end})
        </span>
      </p>
    </>
  );
  return (
    <Dialog open={conflict !== null} title="This span was changed elsewhere" onClose={() => undefined} dismissable={false}>
      {conflict && (
        <>
          <p>Your change was not saved because the saved version is newer. Choose which one to keep; saving is paused until you do.</p>
          <div className={styles.compare}>
            <section aria-label="Your version">
              <h3>Yours</h3>
              {conflict.mine ? describe(conflict.mine) : <p>You deleted this span.</p>}
            </section>
            <section aria-label="Saved version">
              <h3>Saved (version {conflict.theirsVersion})</h3>
              {describe(conflict.theirs)}
            </section>
          </div>
          <div className={styles.buttons}>
            <button type="button" className="button button--secondary" onClick={() => onResolve('theirs')}>
              Use the saved version
            </button>
            <button type="button" className="button button--primary" onClick={() => onResolve('mine')}>
              Keep mine
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
