import { endpointRoute } from '@/lib/api/route';
import { listAnswersEndpoint, replaceAnswersEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listAnswersEndpoint, replaceAnswersEndpoint);
