import { endpointRoute } from '@/lib/api/route';
import { listRecommendersEndpoint, createRecommenderEndpoint } from '@/lib/api/endpoints/recommenders';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(listRecommendersEndpoint, createRecommenderEndpoint);
