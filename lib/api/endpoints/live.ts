import { authorizeDocument } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { documentEvents } from '@/lib/live/stream';
import * as contract from '@/lib/api/contracts/live';

export const documentEventsEndpoint = defineEndpoint({
  ...contract.documentEvents,
  async handle({ db, caller, params, request }) {
    const access = await authorizeDocument(db, caller, params.id, 'documents:read');
    return documentEvents(db, params.id, caller.userId, access, request.signal);
  },
});
