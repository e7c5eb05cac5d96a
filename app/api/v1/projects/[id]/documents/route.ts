import { routeHandler } from '@/lib/api/endpoint';
import { importDocumentsEndpoint, listDocumentsEndpoint } from '@/lib/api/endpoints/documents';

export const GET = routeHandler(listDocumentsEndpoint);
export const POST = routeHandler(importDocumentsEndpoint);
