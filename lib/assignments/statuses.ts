import type { AssignmentStatus } from '@/lib/generated/prisma/enums';

/**
 * The states of one annotator's work on one document, in the order it moves through them
 * (the database enum is the type; this is its list for validation and filters). No runtime
 * imports, so zod schemas, pages and client components share it.
 */
export const ASSIGNMENT_STATUSES = ['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED'] as const satisfies readonly AssignmentStatus[];

/** What submit and reopen may set: ASSIGNED is only where work starts. */
export const SETTABLE_STATUSES = ['IN_PROGRESS', 'SUBMITTED'] as const satisfies readonly AssignmentStatus[];
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];
