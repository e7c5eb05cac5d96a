import { routeHandler } from '@/lib/api/endpoint';
import { acceptInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const POST = routeHandler(acceptInvitationEndpoint);
