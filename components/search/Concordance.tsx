import { DataTable } from '@/components/ui/DataTable';
import Link from 'next/link';
import type { ConcordanceLine } from '@/lib/search/concordance';
import styles from './Concordance.module.css';

/** Keyword in context: the left context right-aligned, the span, the right context, and the document to jump to. */
export function Concordance({ projectId, lines }: { projectId: string; lines: ConcordanceLine[] }) {
  return (
    <DataTable
      className={styles.kwic}
      rows={lines}
      rowKey={(line) => line.annotationId}
      columns={[
        { header: 'Before', className: styles.left, autoDirection: true, cell: (line) => line.left },
        { header: 'Span', className: styles.match, autoDirection: true, cell: (line) => <mark>{line.match}</mark> },
        { header: 'After', className: styles.right, autoDirection: true, cell: (line) => line.right },
        {
          header: 'Label',
          cell: (line) => (
            <>
              {line.labelName} <code>{line.label}</code>
            </>
          ),
        },
        { header: 'Author', cell: (line) => line.author },
        { header: 'Document', cell: (line) => <Link href={`/projects/${projectId}/documents/${line.documentId}`}>{line.documentName}</Link> },
      ]}
    />
  );
}
