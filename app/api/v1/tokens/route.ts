import { routeHandler } from '@/lib/api/endpoint';
import { createToken, listTokens } from '@/lib/api/endpoints/tokens';

export const GET = routeHandler(listTokens);
export const POST = routeHandler(createToken);
