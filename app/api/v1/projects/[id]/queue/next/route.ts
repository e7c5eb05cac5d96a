import { routeHandler } from '@/lib/api/endpoint';
import { nextDocumentEndpoint } from '@/lib/api/endpoints/assignment';

export const GET = routeHandler(nextDocumentEndpoint);
