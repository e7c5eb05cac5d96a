import { endpointRoute } from '@/lib/api/route';
import { importDocumentsEndpoint, listDocumentsEndpoint } from '@/lib/api/endpoints/documents';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listDocumentsEndpoint, importDocumentsEndpoint);
