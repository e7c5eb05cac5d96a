import { routeHandler } from '@/lib/api/endpoint';
import { autoAcceptGold } from '@/lib/api/endpoints/review';

export const POST = routeHandler(autoAcceptGold);
