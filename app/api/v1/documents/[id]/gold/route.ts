import { routeHandler } from '@/lib/api/endpoint';
import { acceptGold } from '@/lib/api/endpoints/review';

export const POST = routeHandler(acceptGold);
