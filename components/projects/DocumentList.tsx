import { DateText } from '@/components/ui/DateText';
import { EmptyState } from '@/components/ui/EmptyState';

interface DocumentRow {
  id: string;
  name: string;
  position: number;
  createdAt: Date;
}

export function DocumentList({ documents, total }: { documents: DocumentRow[]; total: number }) {
  if (documents.length === 0) return <EmptyState title="No documents yet." />;
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
                <td>{document.name}</td>
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
