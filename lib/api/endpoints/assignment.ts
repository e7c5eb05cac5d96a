import { z } from 'zod';
import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import { assignDocuments, nextDocument, projectProgress } from '@/lib/assignments/store';
import { getOwnAssignment, setOwnStatus } from '@/lib/assignments/own';
import { defineEndpoint } from '@/lib/api/endpoint';
import { id, idParams, timestamp } from '@/lib/api/schemas';

const assignment = z.object({
  status: z.enum(['ASSIGNED', 'IN_PROGRESS', 'SUBMITTED']),
  assignedAt: timestamp,
  startedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
});

export const readOwnAssignment = defineEndpoint({
  method: 'GET',
  path: '/documents/{id}/assignment',
  tag: 'assignments',
  summary: "The caller's assignment status for a document (null when not assigned)",
  params: idParams,
  response: assignment.nullable(),
  errors: [404],
  async handle({ db, caller, params }) {
    await authorizeDocument(db, caller, params.id, 'documents:read');
    return getOwnAssignment(db, params.id, caller.userId);
  },
});

export const updateOwnAssignment = defineEndpoint({
  method: 'PATCH',
  path: '/documents/{id}/assignment',
  tag: 'assignments',
  summary: 'Mark the document submitted (or reopen it as in progress) for the caller',
  params: idParams,
  body: z.object({ status: z.enum(['IN_PROGRESS', 'SUBMITTED']) }).strict(),
  response: assignment,
  errors: [404],
  async handle({ db, caller, params, body }) {
    await authorizeDocument(db, caller, params.id, 'annotations:write');
    return setOwnStatus(db, params.id, caller.userId, body.status);
  },
});


export const assignEndpoint = defineEndpoint({
  method: 'POST',
  path: '/projects/{id}/assignments',
  tag: 'assignments',
  summary: 'Assign documents to annotators: explicitly, or round-robin with N annotators per document (balanced load; existing assignments kept)',
  params: idParams,
  body: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('explicit'), documentIds: z.array(id).min(1).max(100_000), userIds: z.array(id).min(1).max(1000) }).strict(),
    z.object({ mode: z.literal('round-robin'), documentIds: z.array(id).min(1).max(100_000).optional(), userIds: z.array(id).min(1).max(1000).optional(), perDocument: z.number().int().min(1).max(50).optional() }).strict(),
  ]),
  response: z.object({ created: z.number().int(), documents: z.number().int(), annotators: z.number().int() }),
  status: 201,
  errors: [403, 404],
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'assignments:manage');
    return assignDocuments(db, params.id, body);
  },
});

export const progressEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/progress',
  tag: 'assignments',
  summary: 'Progress per annotator (assigned / in progress / submitted, annotations made) and per document',
  params: idParams,
  response: z.object({
    annotators: z.array(z.object({ id, name: z.string(), email: z.string(), role: z.string(), assigned: z.number().int(), notStarted: z.number().int(), inProgress: z.number().int(), submitted: z.number().int(), annotations: z.number().int() })),
    documents: z.array(z.object({ id, name: z.string(), annotators: z.array(z.object({ userId: id, status: z.string() })) })),
  }),
  errors: [403, 404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    return projectProgress(db, params.id);
  },
});

export const nextDocumentEndpoint = defineEndpoint({
  method: 'GET',
  path: '/projects/{id}/queue/next',
  tag: 'assignments',
  summary: "The caller's next document to annotate (null when the queue is empty)",
  params: idParams,
  response: z.object({ documentId: id, name: z.string(), status: z.string() }).nullable(),
  errors: [404],
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'annotations:write');
    return nextDocument(db, params.id, caller.userId);
  },
});

export const assignmentEndpoints = [readOwnAssignment, updateOwnAssignment, assignEndpoint, progressEndpoint, nextDocumentEndpoint];
