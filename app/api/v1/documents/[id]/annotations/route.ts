import { routeHandler } from '@/lib/api/endpoint';
import { createAnnotationEndpoint, listAnnotationsEndpoint } from '@/lib/api/endpoints/annotations';

export const GET = routeHandler(listAnnotationsEndpoint);
export const POST = routeHandler(createAnnotationEndpoint);
