import Link from 'next/link';
import { DateText } from '@/components/ui/DateText';
import { EmptyState } from '@/components/ui/EmptyState';

interface DocumentRow {
  id: string;
  name: string;
  position: number;
  createdAt: Date;
}

interface DocumentListProps {
  projectId: string;
  documents: DocumentRow[];
  total: number;
  /** Whether to point at the import page when the list is empty. */
  canImport: boolean;
}

export function DocumentList({ projectId, documents, total, canImport }: DocumentListProps) {
  if (documents.length === 0) {
    return (
      <EmptyState title="No documents yet.">
        {canImport ? (
          <p>
            <Link href={`/projects/${projectId}/import`}>Import documents</Link> — text, Word, PDF, CSV, JSONL, or annotated data from doccano, Label Studio, brat and CoNLL.
          </p>
        ) : (
          <p>A manager will add documents to this project.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                #
              </th>
              <th scope="col">Name</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                {/* Positions are 0-based in the data; people count from 1. */}
                <td className="numeric">{document.position + 1}</td>
                <td>
                  <Link href={`/projects/${projectId}/documents/${document.id}`}>{document.name}</Link>
                </td>
                <td>
                  <DateText value={document.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > documents.length && (
        <p className="muted">
          Showing the first {documents.length} of {total} documents.
        </p>
      )}
    </>
  );
}
