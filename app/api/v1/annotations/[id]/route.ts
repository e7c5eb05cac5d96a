import { routeHandler } from '@/lib/api/endpoint';
import { deleteAnnotationEndpoint, updateAnnotationEndpoint } from '@/lib/api/endpoints/annotations';

export const PATCH = routeHandler(updateAnnotationEndpoint);
export const DELETE = routeHandler(deleteAnnotationEndpoint);
