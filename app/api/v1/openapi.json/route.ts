import { buildOpenApi } from '@/lib/api/openapi';
import { ENDPOINTS } from '@/lib/api/registry';

// Public: the description of the API is no secret, and clients fetch it before they have a token.
export function GET() {
  return Response.json(buildOpenApi(ENDPOINTS));
}
