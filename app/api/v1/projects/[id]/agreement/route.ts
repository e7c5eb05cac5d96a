import { endpointRoute } from '@/lib/api/route';
import { agreementEndpoint } from '@/lib/api/endpoints/agreement';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(agreementEndpoint);
