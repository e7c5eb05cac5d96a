import Link from 'next/link';
import { DocumentActions } from '@/components/documents/DocumentActions';
import { DataTable } from '@/components/ui/DataTable';
import { DateText } from '@/components/ui/DateText';
import { EmptyState } from '@/components/ui/EmptyState';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

interface DocumentRow {
  id: string;
  name: string;
  position: number;
  createdAt: Date;
  assignments?: { userId: string; status: AssignmentStatus }[];
}

interface DocumentListProps {
  projectId: string;
  documents: DocumentRow[];
  /** How many documents match (all of them when unfiltered). */
  total: number;
  /** Whether to point at the import page when the list is empty, and to offer rename and withdraw on each row. */
  canImport: boolean;
  /** Display names of assignees, by user id. */
  memberNames?: Record<string, string>;
  /** Set when filters narrow the list: an empty result then offers to clear them. */
  clearHref?: string;
  /** 1-based index of the first row shown, for "Showing 51–100 of 230". */
  offset?: number;
  previousHref?: string;
  nextHref?: string;
}

const STATUS_TEXT: Record<AssignmentStatus, { text: string; mark: string; className: string }> = {
  ASSIGNED: { text: 'not started', mark: '○', className: 'chip chip--assigned' },
  IN_PROGRESS: { text: 'in progress', mark: '◐', className: 'chip chip--in-progress' },
  SUBMITTED: { text: 'done', mark: '✓', className: 'chip chip--submitted' },
};

function StatusChips({ assignments, memberNames }: { assignments: NonNullable<DocumentRow['assignments']>; memberNames: Record<string, string> }) {
  if (assignments.length === 0) return <span className="muted">Unassigned</span>;
  const done = assignments.filter((a) => a.status === 'SUBMITTED').length;
  return (
    <>
      <span className="visually-hidden">
        {done} of {assignments.length} done:{' '}
      </span>
      <ul className="chips">
        {assignments.map((assignment) => {
          const status = STATUS_TEXT[assignment.status];
          return (
            <li key={assignment.userId} className={status.className}>
              <span aria-hidden="true">{status.mark}</span>
              {memberNames[assignment.userId] ?? 'Former member'}: {status.text}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function DocumentList({ projectId, documents, total, canImport, memberNames = {}, clearHref, offset = 1, previousHref, nextHref }: DocumentListProps) {
  if (documents.length === 0) {
    if (clearHref) {
      return (
        <EmptyState title="No documents match these filters.">
          <p>
            <Link href={clearHref}>Clear the filters</Link> to see every document.
          </p>
        </EmptyState>
      );
    }
    return (
      <EmptyState title="No documents yet.">
        {canImport ? (
          <p>
            <Link href={`/projects/${projectId}/import`}>Import documents</Link> — text, Word, PDF, CSV, JSONL, or annotated data from doccano, Label Studio,
            brat and CoNLL.
          </p>
        ) : (
          <p>A manager will add documents to this project.</p>
        )}
      </EmptyState>
    );
  }
  const showsAssignments = documents.some((document) => document.assignments !== undefined);
  const last = offset + documents.length - 1;
  return (
    <>
      <DataTable
        rows={documents}
        columns={[
          // Positions are 0-based in the data; people count from 1.
          { header: '#', numeric: true, cell: (document) => document.position + 1 },
          { header: 'Name', cell: (document) => <Link href={`/projects/${projectId}/documents/${document.id}`}>{document.name}</Link> },
          showsAssignments && {
            header: 'Assignments',
            cell: (document) => <StatusChips assignments={document.assignments ?? []} memberNames={memberNames} />,
          },
          { header: 'Added', cell: (document) => <DateText value={document.createdAt} /> },
          canImport && { header: 'Manage', cell: (document) => <DocumentActions documentId={document.id} name={document.name} /> },
        ]}
      />
      <p className="muted" aria-live="polite">
        {total > documents.length || offset > 1
          ? `Showing ${offset}–${last} of ${total} ${clearHref ? 'matching ' : ''}documents.`
          : `${total} ${clearHref ? 'matching ' : ''}${total === 1 ? 'document' : 'documents'}.`}
      </p>
      {(previousHref || nextHref) && (
        <nav aria-label="Document pages" className="inline-form">
          {previousHref && (
            <Link href={previousHref} rel="prev">
              ← Previous
            </Link>
          )}
          {nextHref && (
            <Link href={nextHref} rel="next">
              Next →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
