import { routeHandler } from '@/lib/api/endpoint';
import { progressEndpoint } from '@/lib/api/endpoints/assignment';

export const GET = routeHandler(progressEndpoint);
