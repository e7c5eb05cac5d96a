import { routeHandler } from '@/lib/api/endpoint';
import { inviteEndpoint, listProjectInvitationsEndpoint } from '@/lib/api/endpoints/invitations';

export const GET = routeHandler(listProjectInvitationsEndpoint);
export const POST = routeHandler(inviteEndpoint);
