import type { ResponseOf } from '@/lib/api/client';
import type * as contract from '@/lib/api/contracts/assignment';
import type { SchemaLabel, SchemaTarget } from '@/lib/editor/schema';
import type { ServerAnnotation, ServerAnswer, ServerRelation } from '@/lib/editor/server';

/** Everything the editor page hands the client editor: plain, serialisable data. */
export interface EditorData {
  project: { id: string; name: string; guidelines: string; allowOverlap: boolean; snapToWords: boolean };
  document: { id: string; name: string; text: string };
  labels: SchemaLabel[];
  targets: SchemaTarget[];
  annotations: ServerAnnotation[];
  relations: ServerRelation[];
  answers: ServerAnswer[];
  /** `mayReopen`: annotators reopen their own submitted work only while no gold was shown to them. */
  assignment: Pick<NonNullable<ResponseOf<typeof contract.readOwnAssignment>>, 'status' | 'submittedAt' | 'mayReopen'> | null;
  /** False when the document is not assigned to the caller and the project does not let them take it on. */
  mayWork: boolean;
  /** Whether "compare with gold" is offered once submitted: curators always, annotators if the project shows gold. */
  goldComparable?: boolean;
  /** Whether showing gold to the caller is recorded (blind annotators; lib/assignments/exposure.ts). */
  goldRecorded: boolean;
}

/** A line for the user: info goes to the polite status region, errors to the alert region. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
}
