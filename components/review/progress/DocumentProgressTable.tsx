import Link from 'next/link';
import { EmptyState } from '@/components/ui/EmptyState';
import shared from '@/components/review/shared.module.css';
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
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Who is done with each document</caption>
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Annotators</th>
            <th scope="col" className="numeric">
              Submitted
            </th>
            {mayReview && (
              <th scope="col">
                <span className="visually-hidden">Review</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => {
            const submitted = document.annotators.filter((a) => a.status === 'SUBMITTED').length;
            return (
              <tr key={document.id}>
                <th scope="row" className={shared.rowHeader}>
                  {document.name}
                </th>
                <td>
                  {document.annotators.length === 0 ? (
                    <span className="muted">Not assigned</span>
                  ) : (
                    <ul className={styles.chips}>
                      {document.annotators.map((a) => (
                        <li key={a.userId}>
                          <StatusChip name={nameOf(a.userId)} status={a.status} afterGold={a.afterGold} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className={shared.numericCell}>
                  {submitted} of {document.annotators.length}
                </td>
                {mayReview && (
                  <td>
                    {submitted > 0 && (
                      <Link href={`/projects/${projectId}/review/${document.id}`}>
                        Review<span className="visually-hidden"> {document.name}</span>
                      </Link>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
