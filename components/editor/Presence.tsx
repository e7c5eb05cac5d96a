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
  // Alone in one tab is the normal case and needs no mention.
  if (live.present.reduce((n, user) => n + user.connections, 0) < 2) return null;
  const names = live.present.map((user) => (user.connections > 1 ? `${user.name} (${user.connections} tabs)` : user.name));
  return <span className={styles.presence}>Here now: {names.join(', ')}</span>;
}
