import { endpointRoute } from '@/lib/api/route';
import { createToken, listTokens } from '@/lib/api/endpoints/tokens';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listTokens, createToken);
