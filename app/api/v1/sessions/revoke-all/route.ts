import { routeHandler } from '@/lib/api/endpoint';
import { revokeAllSessions } from '@/lib/api/endpoints/account';

export const POST = routeHandler(revokeAllSessions);
