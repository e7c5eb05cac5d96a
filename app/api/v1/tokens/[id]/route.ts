import { endpointRoute } from '@/lib/api/route';
import { revokeToken } from '@/lib/api/endpoints/tokens';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(revokeToken);
