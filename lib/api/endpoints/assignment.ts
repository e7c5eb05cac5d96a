import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import { recordHeartbeat } from '@/lib/assignments/heartbeat';
import { queuePlace } from '@/lib/assignments/queue';
import { assignDocuments, nextDocument, projectProgress, removeAssignment } from '@/lib/assignments/store';
import { changeStatus, readOwnAssignment as readAssignment } from '@/lib/assignments/status';
import { defineEndpoint } from '@/lib/api/endpoint';
import * as contract from '@/lib/api/contracts/assignment';

export const readOwnAssignment = defineEndpoint({
  ...contract.readOwnAssignment,
  async handle({ db, caller, params }) {
    const access = await authorizeDocument(db, caller, params.id, 'documents:read');
    return readAssignment(db, { userId: caller.userId, access }, params.id);
  },
});

export const updateOwnAssignment = defineEndpoint({
  ...contract.updateOwnAssignment,
  async handle({ db, caller, params, body }) {
    const access = await authorizeDocument(db, caller, params.id, 'annotations:write');
    return changeStatus(db, { userId: caller.userId, access }, params.id, body.status, body.userId);
  },
});

export const removeAssignmentEndpoint = defineEndpoint({
  ...contract.removeAssignment,
  async handle({ db, caller, params }) {
    const access = await authorizeDocument(db, caller, params.id, 'assignments:manage');
    await removeAssignment(db, caller.userId, access.projectId, params.id, params.userId);
  },
});

export const assignEndpoint = defineEndpoint({
  ...contract.assign,
  async handle({ db, caller, params, body }) {
    await authorizeProject(db, caller, params.id, 'assignments:manage');
    return assignDocuments(db, caller.userId, params.id, body);
  },
});

export const progressEndpoint = defineEndpoint({
  ...contract.progress,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    return projectProgress(db, params.id);
  },
});

export const nextDocumentEndpoint = defineEndpoint({
  ...contract.nextDocument,
  async handle({ db, caller, params }) {
    await authorizeProject(db, caller, params.id, 'annotations:write');
    return nextDocument(db, params.id, caller.userId);
  },
});

export const queuePlaceEndpoint = defineEndpoint({
  ...contract.queuePlace,
  async handle({ db, caller, params }) {
    const access = await authorizeDocument(db, caller, params.id, 'documents:read');
    return queuePlace(db, access.projectId, caller.userId, params.id);
  },
});

export const heartbeatEndpoint = defineEndpoint({
  ...contract.heartbeat,
  async handle({ db, caller, params, body }) {
    await authorizeDocument(db, caller, params.id, 'annotations:write');
    return recordHeartbeat(db, params.id, caller.userId, body.end);
  },
});

export const assignmentEndpoints = [
  readOwnAssignment,
  updateOwnAssignment,
  removeAssignmentEndpoint,
  assignEndpoint,
  progressEndpoint,
  nextDocumentEndpoint,
  queuePlaceEndpoint,
  heartbeatEndpoint,
];
