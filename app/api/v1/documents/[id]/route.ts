import { routeHandler } from '@/lib/api/endpoint';
import { deleteDocument, readDocument } from '@/lib/api/endpoints/documents';

export const GET = routeHandler(readDocument);
export const DELETE = routeHandler(deleteDocument);
