import { DataTable } from '@/components/ui/DataTable';
import Link from 'next/link';
import type { ImportReport } from './upload';

const LISTED = 10;

/** What a successful import stored, file by file, with a way into the new documents. */
export function ImportReportView({ projectId, report }: { projectId: string; report: ImportReport }) {
  const skipped = report.files.reduce((sum, file) => sum + file.duplicatesSkipped.length, 0);
  const lost = report.files.reduce(
    (sum, file) => sum + file.skippedWithDuplicates.spans + file.skippedWithDuplicates.relations + file.skippedWithDuplicates.answers,
    0,
  );
  return (
    <>
      <p>
        {report.documentCount === 1 ? '1 document was' : `${report.documentCount} documents were`} imported
        {report.mergedDocumentCount > 0 &&
          `; annotations were merged onto ${report.mergedDocumentCount === 1 ? '1 existing document' : `${report.mergedDocumentCount} existing documents`}`}
        {skipped > 0 &&
          `; ${skipped} already in the project ${skipped === 1 ? 'was' : 'were'} skipped${lost > 0 ? ` with ${lost} annotation(s) they carried` : ''}`}
        .
      </p>
      <DataTable
        caption="Import report per file"
        hideCaption
        rows={report.files}
        rowKey={(file) => file.file}
        columns={[
          { header: 'File', cell: (file) => file.file },
          { header: 'Read as', cell: readAs },
          { header: 'Documents', numeric: true, cell: (file) => file.documents },
          { header: 'Spans', numeric: true, cell: (file) => file.spans },
          { header: 'Relations', numeric: true, cell: (file) => file.relations },
          { header: 'Answers', numeric: true, cell: (file) => file.documentLabels },
          { header: 'Skipped', cell: (file) => <SkippedCell projectId={projectId} file={file} /> },
          { header: 'Notes', cell: (file) => <CountList counts={file.notes} /> },
        ]}
      />
      {report.documents.length > 0 && (
        <>
          <h3>Open the new documents</h3>
          <ul>
            {report.documents.slice(0, LISTED).map((document) => (
              <li key={document.id}>
                <Link href={`/projects/${projectId}/documents/${document.id}`}>{document.name}</Link>
              </li>
            ))}
          </ul>
          {report.documentCount > LISTED && <p className="muted">and {report.documentCount - LISTED} more.</p>}
        </>
      )}
      <p>
        <Link href={`/projects/${projectId}`}>All documents of the project</Link>
      </p>
    </>
  );
}

function SkippedCell({ projectId, file }: { projectId: string; file: ImportReport['files'][number] }) {
  const unknown = Object.entries(file.unknownLabelsSkipped);
  const notKept = Object.entries(file.formatSkipped);
  if (file.duplicatesSkipped.length === 0 && file.duplicatesMerged.length === 0 && unknown.length === 0 && notKept.length === 0)
    return <span className="muted">—</span>;
  return (
    <ul className="target-list">
      {file.duplicatesMerged.map((duplicate) => (
        <li key={`merged-${duplicate.name}-${duplicate.documentId}`}>
          {duplicate.name}: merged onto <Link href={`/projects/${projectId}/documents/${duplicate.documentId}`}>the existing document</Link> (
          {itemCounts(duplicate)} added)
        </li>
      ))}
      {file.duplicatesSkipped.map((duplicate) => (
        <li key={duplicate.sha256}>
          {duplicate.name}: already imported, skipped with {itemCounts(duplicate)}
          {duplicate.existingDocumentId && (
            <>
              {' '}
              as <Link href={`/projects/${projectId}/documents/${duplicate.existingDocumentId}`}>this document</Link>
            </>
          )}
        </li>
      ))}
      {unknown.map(([label, count]) => (
        <li key={label}>
          {count} × unknown label <code>{label}</code>
        </li>
      ))}
      {notKept.map(([what, count]) => (
        <li key={what}>
          {count} × {what}
        </li>
      ))}
    </ul>
  );
}

/** The format with the variants the parser recognised and the encoding the file was read in, as the CLI prints them. */
function readAs(file: ImportReport['files'][number]): string {
  return [file.format, ...file.variants, ...(file.encoding === undefined ? [] : [file.encoding])].join(', ');
}

/** How the parser read what the source left open (offsets converted, label ids mapped), each counted in documents. */
function CountList({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="target-list">
      {entries.map(([note, count]) => (
        <li key={note}>
          {note} ({count === 1 ? '1 document' : `${count} documents`})
        </li>
      ))}
    </ul>
  );
}

function itemCounts(items: { spans: number; relations: number; answers: number }): string {
  return `${items.spans} span(s), ${items.relations} relation(s), ${items.answers} answer(s)`;
}
