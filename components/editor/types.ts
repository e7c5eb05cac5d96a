import type { SchemaLabel, SchemaTarget } from '@/lib/editor/schema';
import type { WireAnnotation, WireAnswer, WireRelation } from '@/lib/editor/wire';

export type AssignmentStatus = 'ASSIGNED' | 'IN_PROGRESS' | 'SUBMITTED';

/** Everything the editor page hands the client editor: plain, serialisable data. */
export interface EditorData {
  project: { id: string; name: string; guidelines: string; allowOverlap: boolean; snapToWords: boolean };
  document: { id: string; name: string; text: string };
  labels: SchemaLabel[];
  targets: SchemaTarget[];
  annotations: WireAnnotation[];
  relations: WireRelation[];
  answers: WireAnswer[];
  assignment: { status: AssignmentStatus; submittedAt: string | null } | null;
  /** Whether "compare with gold" is offered once submitted: curators always, annotators if the project shows gold. */
  goldComparable?: boolean;
}

/** A line for the user: info goes to the polite status region, errors to the alert region. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
}
