import { routeHandler } from '@/lib/api/endpoint';
import { agreementMethodsEndpoint } from '@/lib/api/endpoints/agreement';

export const GET = routeHandler(agreementMethodsEndpoint);
