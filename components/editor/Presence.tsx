import type { LiveState } from './useLive';
import styles from './editor.module.css';

/** Who has this document open, and a visible warning while live updates are cut off. */
export function Presence({ live }: { live: LiveState }) {
  if (!live.connected) {
    return (
      <span role="status" className={styles.liveLost}>
        Live updates lost — reconnecting; your changes are still saved.
      </span>
    );
  }
  if (live.present.length < 2) return null;
  return <span className={styles.presence}>Here now: {live.present.map((user) => user.name).join(', ')}</span>;
}
