import { endpointRoute } from '@/lib/api/route';
import { inviteEndpoint, listProjectInvitationsEndpoint } from '@/lib/api/endpoints/invitations';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listProjectInvitationsEndpoint, inviteEndpoint);
