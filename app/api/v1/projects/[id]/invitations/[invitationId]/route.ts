import { endpointRoute } from '@/lib/api/route';
import { cancelInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(cancelInvitationEndpoint);
