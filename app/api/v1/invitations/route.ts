import { endpointRoute } from '@/lib/api/route';
import { myInvitationsEndpoint } from '@/lib/api/endpoints/invitations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(myInvitationsEndpoint);
