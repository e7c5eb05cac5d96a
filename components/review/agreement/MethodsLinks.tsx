import styles from './agreement.module.css';

const FORMATS = [
  { format: 'markdown', label: 'Markdown', extension: 'md' },
  { format: 'latex', label: 'LaTeX', extension: 'tex' },
  { format: 'csv', label: 'CSV', extension: 'csv' },
] as const;

/** Downloads of the report as shown (same scope and intervals): the JSON, and the methods text for a paper. */
export function MethodsLinks({ projectId, query }: { projectId: string; query: string }) {
  return (
    <nav aria-label="Download the report" className={styles.downloads}>
      <a className="button button--secondary" href={`/api/v1/projects/${projectId}/agreement?${query}`} download="agreement.json">
        Download JSON
      </a>
      {FORMATS.map(({ format, label, extension }) => (
        <a
          key={format}
          className="button button--secondary"
          href={`/api/v1/projects/${projectId}/agreement/methods?${query}&format=${format}`}
          download={`agreement-methods.${extension}`}
        >
          Methods ({label})
        </a>
      ))}
    </nav>
  );
}
