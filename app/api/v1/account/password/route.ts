import { endpointRoute } from '@/lib/api/route';
import { changePasswordEndpoint } from '@/lib/api/endpoints/account';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(changePasswordEndpoint);
