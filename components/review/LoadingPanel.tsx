import styles from './shared.module.css';

/** The fallback of pages whose server render computes for a while (agreement, review queue). */
export function LoadingPanel({ title, detail }: { title: string; detail: string }) {
  return (
    <div className={`panel ${styles.loading}`} role="status">
      <p className="field__label">{title}</p>
      {/* No value: an indeterminate bar, since the server reports no progress. */}
      <progress aria-label={title} />
      <p className="note">{detail}</p>
    </div>
  );
}
