import { endpointRoute } from '@/lib/api/route';
import { acceptGold } from '@/lib/api/endpoints/review';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(acceptGold);
