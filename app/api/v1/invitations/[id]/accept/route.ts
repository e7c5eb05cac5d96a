import { endpointRoute } from '@/lib/api/route';
import { acceptInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(acceptInvitationEndpoint);
