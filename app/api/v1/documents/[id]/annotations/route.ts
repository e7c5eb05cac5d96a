import { endpointRoute } from '@/lib/api/route';
import { createAnnotationEndpoint, listAnnotationsEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listAnnotationsEndpoint, createAnnotationEndpoint);
