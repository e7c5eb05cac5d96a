import { routeHandler } from '@/lib/api/endpoint';
import { removeMemberEndpoint, updateMemberEndpoint } from '@/lib/api/endpoints/members';

export const PATCH = routeHandler(updateMemberEndpoint);
export const DELETE = routeHandler(removeMemberEndpoint);
