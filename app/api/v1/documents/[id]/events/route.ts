import { endpointRoute } from '@/lib/api/route';
import { documentEventsEndpoint } from '@/lib/api/endpoints/live';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(documentEventsEndpoint);
