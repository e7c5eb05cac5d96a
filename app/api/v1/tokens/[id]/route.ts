import { routeHandler } from '@/lib/api/endpoint';
import { revokeToken } from '@/lib/api/endpoints/tokens';

export const DELETE = routeHandler(revokeToken);
