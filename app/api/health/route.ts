import { methodsRoute } from '@/lib/api/route';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({
  async GET() {
    const health = await checkHealth();
    return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
  },
});
