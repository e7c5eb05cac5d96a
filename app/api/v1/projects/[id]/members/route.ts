import { endpointRoute } from '@/lib/api/route';
import { addMemberEndpoint, listMembersEndpoint } from '@/lib/api/endpoints/members';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listMembersEndpoint, addMemberEndpoint);
