import { routeHandler } from '@/lib/api/endpoint';
import { cancelInvitationEndpoint } from '@/lib/api/endpoints/invitations';

export const DELETE = routeHandler(cancelInvitationEndpoint);
