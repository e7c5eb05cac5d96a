import { healthFor } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { body, httpStatus } = await healthFor(request.headers);
  return Response.json(body, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
