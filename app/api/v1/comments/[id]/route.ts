import { endpointRoute } from '@/lib/api/route';
import { deleteCommentEndpoint, updateCommentEndpoint } from '@/lib/api/endpoints/comments';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(updateCommentEndpoint, deleteCommentEndpoint);
