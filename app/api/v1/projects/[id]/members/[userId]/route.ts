import { endpointRoute } from '@/lib/api/route';
import { removeMemberEndpoint, updateMemberEndpoint } from '@/lib/api/endpoints/members';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(updateMemberEndpoint, removeMemberEndpoint);
