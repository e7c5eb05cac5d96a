import { routeHandler } from '@/lib/api/endpoint';
import { changePasswordEndpoint } from '@/lib/api/endpoints/account';

export const POST = routeHandler(changePasswordEndpoint);
