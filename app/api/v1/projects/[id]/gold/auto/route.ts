import { endpointRoute } from '@/lib/api/route';
import { autoAcceptGold } from '@/lib/api/endpoints/review';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(autoAcceptGold);
