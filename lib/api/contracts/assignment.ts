import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { ASSIGNMENT_STATUSES, SETTABLE_STATUSES } from '@/lib/assignments/statuses';
import { id, idParams, memberParams, timestamp } from '@/lib/api/schemas';

const assignment = z.object({
  status: z.enum(ASSIGNMENT_STATUSES),
  assignedAt: timestamp,
  startedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  afterGoldAt: timestamp.nullable().describe('set by the first change after gold was shown: this work is not counted as independent'),
  goldShownAt: timestamp.nullable().describe('when gold or another annotator’s work was first shown to this annotator for the document'),
  mayReopen: z.boolean().describe('whether the caller may reopen it (annotators: only while no gold was shown to them)'),
});

export const readOwnAssignment = defineContract({
  method: 'GET',
  path: '/documents/{id}/assignment',
  tag: 'assignments',
  summary: "The caller's assignment status for a document (null when not assigned)",
  params: idParams,
  response: assignment.nullable(),
  errors: [404],
});

export const updateOwnAssignment = defineContract({
  method: 'PATCH',
  path: '/documents/{id}/assignment',
  tag: 'assignments',
  summary:
    'Submit the document (its work becomes read-only) or reopen it as in progress. Annotators reopen their own only while no gold was shown ' +
    'to them; curators and managers reopen anyone’s (userId). An unassigned document is refused unless the project allows self-assignment.',
  params: idParams,
  body: z
    .object({ status: z.enum(SETTABLE_STATUSES), userId: id.optional().describe('whose work to reopen (curators and managers); default: the caller') })
    .strict(),
  response: assignment,
  errors: [400, 403, 404],
});

export const removeAssignment = defineContract({
  method: 'DELETE',
  path: '/documents/{id}/assignments/{userId}',
  tag: 'assignments',
  summary: 'Take the document away from an annotator (their annotations stay, the removal is an event)',
  params: memberParams,
  status: 204,
  errors: [403, 404],
});

export const assign = defineContract({
  method: 'POST',
  path: '/projects/{id}/assignments',
  tag: 'assignments',
  summary: 'Assign documents to annotators: explicitly, or round-robin with N annotators per document (balanced load; existing assignments kept)',
  params: idParams,
  body: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('explicit'), documentIds: z.array(id).min(1).max(100_000), userIds: z.array(id).min(1).max(1000) }).strict(),
    z
      .object({
        mode: z.literal('round-robin'),
        documentIds: z.array(id).min(1).max(100_000).optional(),
        userIds: z.array(id).min(1).max(1000).optional(),
        perDocument: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
  ]),
  response: z.object({
    created: z.number().int(),
    documents: z.number().int(),
    annotators: z.number().int(),
    perDocument: z.number().int().nullable().describe('annotators per document used by a round-robin (null for explicit)'),
    note: z.string().nullable().describe("set when the project's annotators per document was lowered to the annotators chosen"),
  }),
  status: 201,
  errors: [403, 404],
});

export const progress = defineContract({
  method: 'GET',
  path: '/projects/{id}/progress',
  tag: 'assignments',
  summary: 'Progress per annotator (assigned / in progress / submitted, annotations made) and per document',
  params: idParams,
  response: z.object({
    annotators: z.array(
      z.object({
        id,
        name: z.string(),
        email: z.string(),
        role: z.string(),
        assigned: z.number().int(),
        notStarted: z.number().int(),
        inProgress: z.number().int(),
        submitted: z.number().int(),
        annotations: z.number().int(),
        activeSeconds: z.number().int().describe('active annotation time over all their assignments (heartbeats, idle excluded)'),
      }),
    ),
    documents: z.array(
      z.object({
        id,
        name: z.string(),
        annotators: z.array(
          z.object({
            userId: id,
            status: z.string(),
            afterGold: z.boolean().describe('changed after gold was shown to them: left out of agreement by default'),
            activeSeconds: z.number().int(),
          }),
        ),
      }),
    ),
  }),
  errors: [403, 404],
});

export const nextDocument = defineContract({
  method: 'GET',
  path: '/projects/{id}/queue/next',
  tag: 'assignments',
  summary: "The caller's next document to annotate (null when the queue is empty)",
  params: idParams,
  response: z.object({ documentId: id, name: z.string(), status: z.string() }).nullable(),
  errors: [404],
});

const queueNeighbour = z.object({ documentId: id, name: z.string() }).nullable();

export const queuePlace = defineContract({
  method: 'GET',
  path: '/documents/{id}/queue',
  tag: 'assignments',
  summary: "Where the document stands in the caller's queue: its place, the documents before and after it, and how many are not submitted",
  params: idParams,
  response: z.object({
    position: z.number().int().nullable(),
    total: z.number().int(),
    remaining: z.number().int(),
    previous: queueNeighbour,
    next: queueNeighbour,
  }),
  errors: [404],
});

export const heartbeat = defineContract({
  method: 'POST',
  path: '/documents/{id}/time',
  tag: 'assignments',
  summary:
    "A heartbeat of the caller's editor for their active annotation time: sent every 15 s while they work, and with end: true when " +
    'they stop (idle 60 s, tab hidden, page left). The gap since their previous beat counts when at most 75 s; 404 without an assignment',
  params: idParams,
  body: z.object({ end: z.boolean().default(false) }).strict(),
  response: z.object({ activeSeconds: z.number().int() }),
  errors: [404],
});
