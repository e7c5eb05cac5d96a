import { methodsRoute } from '@/lib/api/route';
import { healthFor } from '@/lib/health';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({
  async GET(request: Request) {
    const { body, httpStatus } = await healthFor(request.headers);
    return Response.json(body, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
  },
});
