import { buildOpenApi } from '@/lib/api/openapi';
import { ENDPOINTS } from '@/lib/api/registry';
import { methodsRoute } from '@/lib/api/route';

// Public: the description of the API is no secret, and clients fetch it before they have a token.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({ GET: () => Response.json(buildOpenApi(ENDPOINTS)) });
