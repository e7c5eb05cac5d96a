import { routeHandler } from '@/lib/api/endpoint';
import { assignEndpoint } from '@/lib/api/endpoints/assignment';

export const POST = routeHandler(assignEndpoint);
