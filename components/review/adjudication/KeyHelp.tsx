import styles from './review.module.css';

/** The keys, always on screen: a curator learns them while working. */
export function KeyHelp({ mayWriteGold }: { mayWriteGold: boolean }) {
  return (
    <p className={`note ${styles.keys}`}>
      In the list: <Key>j</Key> / <Key>k</Key> next / previous row, <Key>n</Key> / <Key>p</Key> next / previous disagreement, <Key>u</Key> next unresolved one
      {mayWriteGold && (
        <>
          , <Key>a</Key> accept into gold, <Key>x</Key> remove from gold, <Key>e</Key> edit the gold label. With text selected: <Key>b</Key> sets the focused
          gold span’s boundaries to it, <Key>g</Key> adds it as a gold span
        </>
      )}
      . The buttons do the same.
    </p>
  );
}

function Key({ children }: { children: string }) {
  return <kbd className={`keycap ${styles.kbd}`}>{children}</kbd>;
}
