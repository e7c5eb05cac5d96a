import { routeHandler } from '@/lib/api/endpoint';
import { listAnswersEndpoint, replaceAnswersEndpoint } from '@/lib/api/endpoints/annotations';

export const GET = routeHandler(listAnswersEndpoint);
export const PUT = routeHandler(replaceAnswersEndpoint);
