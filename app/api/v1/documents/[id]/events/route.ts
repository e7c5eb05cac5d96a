import { routeHandler } from '@/lib/api/endpoint';
import { documentEventsEndpoint } from '@/lib/api/endpoints/live';

export const dynamic = 'force-dynamic';
export const GET = routeHandler(documentEventsEndpoint);
