import { routeHandler } from '@/lib/api/endpoint';
import { declineInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const POST = routeHandler(declineInvitationEndpoint);
