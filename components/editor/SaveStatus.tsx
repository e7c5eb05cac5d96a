import type { SyncSnapshot } from '@/lib/editor/sync';
import styles from './editor.module.css';

function changes(n: number): string {
  return `${n} change${n === 1 ? '' : 's'}`;
}

/** Save progress, announced politely; a failing save stays visible with a way to retry at once. */
export function SaveStatus({ pending, status, onRetry }: Pick<SyncSnapshot, 'pending' | 'status'> & { onRetry(): void }) {
  if (status.kind === 'retrying') {
    return (
      <div className={styles.saveFailing}>
        <span>
          {changes(pending)} not saved — {status.reason}; retrying in {Math.round(status.delayMs / 1000)} s.
        </span>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Retry now
        </button>
      </div>
    );
  }
  const text = status.kind === 'conflict' ? `${changes(pending)} waiting: choose a version` : pending > 0 ? `Saving ${changes(pending)}…` : 'All changes saved';
  return <span className={styles.saveState}>{text}</span>;
}
