import type { PreviewEntry } from './preview';
import styles from './Export.module.css';

export function ExportPreview({ entries }: { entries: readonly PreviewEntry[] }) {
  return (
    <div className={styles.preview}>
      {entries.map((entry, index) => (
        <figure key={entry.name ?? index} className={styles.previewEntry}>
          {entry.name && <figcaption>{entry.name}</figcaption>}
          {/* Records are code: shown left to right as stored, even where the text inside is Urdu. */}
          <pre tabIndex={0}>
            {entry.text || '(empty)'}
            {entry.truncated && '\n…'}
          </pre>
        </figure>
      ))}
    </div>
  );
}
