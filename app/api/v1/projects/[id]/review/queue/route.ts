import { routeHandler } from '@/lib/api/endpoint';
import { reviewQueueEndpoint } from '@/lib/api/endpoints/review';

export const GET = routeHandler(reviewQueueEndpoint);
