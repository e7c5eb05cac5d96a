import { endpointRoute } from '@/lib/api/route';
import { declineInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(declineInvitationEndpoint);
