import { routeHandler } from '@/lib/api/endpoint';
import { addMemberEndpoint, listMembersEndpoint } from '@/lib/api/endpoints/members';

export const GET = routeHandler(listMembersEndpoint);
export const POST = routeHandler(addMemberEndpoint);
