import { endpointRoute } from '@/lib/api/route';
import { exportEndpoint } from '@/lib/api/endpoints/export';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(exportEndpoint);
