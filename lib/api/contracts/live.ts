import { defineContract } from '@/lib/api/contract';
import { idParams } from '@/lib/api/schemas';

export const documentEvents = defineContract({
  method: 'GET',
  path: '/documents/{id}/events',
  tag: 'live',
  summary: 'Server-sent events for a document: presence (who is here), change (refetch these layers), resync (refetch everything)',
  params: idParams,
  rawResponse: { 'text/event-stream': 'event: presence | change | resync, data: JSON' },
  errors: [404],
});
