import { routeHandler } from '@/lib/api/endpoint';
import { exportEndpoint } from '@/lib/api/endpoints/export';

export const GET = routeHandler(exportEndpoint);
