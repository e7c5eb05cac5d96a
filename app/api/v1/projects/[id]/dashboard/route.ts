import { endpointRoute } from '@/lib/api/route';
import { dashboardEndpoint } from '@/lib/api/endpoints/dashboard';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(dashboardEndpoint);
