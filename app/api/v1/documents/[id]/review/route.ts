import { routeHandler } from '@/lib/api/endpoint';
import { finishReview, reviewDocument } from '@/lib/api/endpoints/review';

export const GET = routeHandler(reviewDocument);
export const PATCH = routeHandler(finishReview);
