import { endpointRoute } from '@/lib/api/route';
import { agreementMethodsEndpoint } from '@/lib/api/endpoints/agreement';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(agreementMethodsEndpoint);
