import { endpointRoute } from '@/lib/api/route';
import { readOwnAssignment, updateOwnAssignment } from '@/lib/api/endpoints/assignment';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(readOwnAssignment, updateOwnAssignment);
