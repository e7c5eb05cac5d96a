import { authorizeDocument } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { idParams } from '@/lib/api/schemas';
import { documentEvents } from '@/lib/live/stream';

export const documentEventsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/documents/{id}/events',
  tag: 'live',
  summary: 'Server-sent events for a document: presence (who is here), change (refetch these layers), resync (refetch everything)',
  params: idParams,
  rawResponse: { 'text/event-stream': 'event: presence | change | resync, data: JSON' },
  errors: [404],
  async handle({ db, caller, params, request }) {
    const access = await authorizeDocument(db, caller, params.id, 'documents:read');
    return documentEvents(db, params.id, caller.userId, access, request.signal);
  },
});
