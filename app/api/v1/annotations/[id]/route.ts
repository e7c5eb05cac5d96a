import { endpointRoute } from '@/lib/api/route';
import { deleteAnnotationEndpoint, updateAnnotationEndpoint } from '@/lib/api/endpoints/annotations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(updateAnnotationEndpoint, deleteAnnotationEndpoint);
