import type { ResponseOf } from '@/lib/api/client';
import type * as contract from '@/lib/api/contracts/assignment';
import type { SchemaLabel, SchemaTarget } from '@/lib/editor/schema';
import type { ServerAnswer, ServerRelation } from '@/lib/editor/server';
import type { SpanColumns } from '@/lib/editor/span-columns';

/** Everything the editor page hands the client editor: plain, serialisable data. */
export interface EditorData {
  project: { id: string; name: string; guidelines: string; allowOverlap: boolean; snapToWords: boolean };
  document: { id: string; name: string; text: string };
  labels: SchemaLabel[];
  targets: SchemaTarget[];
  /** `mayReopen`: annotators reopen their own submitted work only while no gold was shown to them. */
  assignment: Pick<NonNullable<ResponseOf<typeof contract.readOwnAssignment>>, 'status' | 'submittedAt' | 'mayReopen'> | null;
  /** False when the document is not assigned to the caller and the project does not let them take it on. */
  mayWork: boolean;
  /** Whether "compare with gold" is offered once submitted: curators always, annotators if the project shows gold. */
  goldComparable?: boolean;
  /** Whether showing gold to the caller is recorded (blind annotators; lib/assignments/exposure.ts). */
  goldRecorded: boolean;
}

/** The caller's own annotations on the document, which the page streams after the text. */
export interface EditorWork {
  spans: SpanColumns;
  relations: ServerRelation[];
  answers: ServerAnswer[];
}

/** A line for the user: info goes to the polite status region, errors to the alert region. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
}
