import { endpointRoute } from '@/lib/api/route';
import { updateRecommenderEndpoint, deleteRecommenderEndpoint } from '@/lib/api/endpoints/recommenders';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(updateRecommenderEndpoint, deleteRecommenderEndpoint);
