import { routeHandler } from '@/lib/api/endpoint';
import { agreementEndpoint } from '@/lib/api/endpoints/agreement';

export const GET = routeHandler(agreementEndpoint);
