import { endpointRoute } from '@/lib/api/route';
import { deleteDocument, readDocument, renameDocumentEndpoint } from '@/lib/api/endpoints/documents';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(readDocument, renameDocumentEndpoint, deleteDocument);
