import Link from 'next/link';
import type { ConcordanceLine } from '@/lib/search/concordance';
import styles from './Concordance.module.css';

/** Keyword in context: the left context right-aligned, the span, the right context, and the document to jump to. */
export function Concordance({ projectId, lines }: { projectId: string; lines: ConcordanceLine[] }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.kwic}`}>
        <thead>
          <tr>
            <th scope="col" className={styles.left}>
              Before
            </th>
            <th scope="col">Span</th>
            <th scope="col">After</th>
            <th scope="col">Label</th>
            <th scope="col">Author</th>
            <th scope="col">Document</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.annotationId}>
              <td className={styles.left} dir="auto">
                {line.left}
              </td>
              <td className={styles.match} dir="auto">
                <mark>{line.match}</mark>
              </td>
              <td className={styles.right} dir="auto">
                {line.right}
              </td>
              <td>
                {line.labelName} <code>{line.label}</code>
              </td>
              <td>{line.author}</td>
              <td>
                <Link href={`/projects/${projectId}/documents/${line.documentId}`}>{line.documentName}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
