import { endpointRoute } from '@/lib/api/route';
import { uploadGazetteerEndpoint } from '@/lib/api/endpoints/recommenders';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(uploadGazetteerEndpoint);
