import { endpointRoute } from '@/lib/api/route';
import { revokeAllSessions } from '@/lib/api/endpoints/account';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(revokeAllSessions);
