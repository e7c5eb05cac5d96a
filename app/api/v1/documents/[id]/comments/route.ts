import { endpointRoute } from '@/lib/api/route';
import { createCommentEndpoint, listCommentsEndpoint } from '@/lib/api/endpoints/comments';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listCommentsEndpoint, createCommentEndpoint);
