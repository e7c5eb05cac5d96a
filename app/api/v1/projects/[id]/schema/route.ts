import { routeHandler } from '@/lib/api/endpoint';
import { readSchema, replaceSchemaEndpoint } from '@/lib/api/endpoints/schema';

export const GET = routeHandler(readSchema);
export const PUT = routeHandler(replaceSchemaEndpoint);
