import { routeHandler } from '@/lib/api/endpoint';
import { myInvitationsEndpoint } from '@/lib/api/endpoints/invitations';

export const GET = routeHandler(myInvitationsEndpoint);
