import { DataTable } from '@/components/ui/DataTable';
import Link from 'next/link';
import { EmptyState } from '@/components/ui/EmptyState';
import { StatusChip } from './StatusChip';
import styles from './progress.module.css';

interface DocumentProgress {
  id: string;
  name: string;
  annotators: { userId: string; status: string; afterGold: boolean }[];
}

interface DocumentProgressTableProps {
  projectId: string;
  documents: DocumentProgress[];
  nameOf: (userId: string) => string;
  /** Curators get a link to the document's adjudication view once someone submitted it. */
  mayReview: boolean;
}

export function DocumentProgressTable({ projectId, documents, nameOf, mayReview }: DocumentProgressTableProps) {
  if (documents.length === 0) return <EmptyState title="No documents yet." />;
  return (
    <DataTable
      caption="Who is done with each document"
      hideCaption
      rows={documents}
      columns={[
        { header: 'Document', rowHeader: true, cell: (document) => document.name },
        { header: 'Annotators', cell: (document) => <AnnotatorChips annotators={document.annotators} nameOf={nameOf} /> },
        { header: 'Submitted', numeric: true, cell: (document) => `${submittedOf(document)} of ${document.annotators.length}` },
        mayReview && {
          header: 'Review',
          hideHeader: true,
          cell: (document) =>
            submittedOf(document) > 0 && (
              <Link href={`/projects/${projectId}/review/${document.id}`}>
                Review<span className="visually-hidden"> {document.name}</span>
              </Link>
            ),
        },
      ]}
    />
  );
}

const submittedOf = (document: DocumentProgress) => document.annotators.filter((a) => a.status === 'SUBMITTED').length;

function AnnotatorChips({ annotators, nameOf }: Pick<DocumentProgress, 'annotators'> & Pick<DocumentProgressTableProps, 'nameOf'>) {
  if (annotators.length === 0) return <span className="muted">Not assigned</span>;
  return (
    <ul className={styles.chips}>
      {annotators.map((a) => (
        <li key={a.userId}>
          <StatusChip name={nameOf(a.userId)} status={a.status} afterGold={a.afterGold} />
        </li>
      ))}
    </ul>
  );
}
