import { endpointRoute } from '@/lib/api/route';
import { finishReview, reviewDocument } from '@/lib/api/endpoints/review';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = endpointRoute(reviewDocument, finishReview);
