import NextAuth from 'next-auth';
import { methodsRoute } from '@/lib/api/route';
import { authOptions } from '@/lib/auth/options';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so OAuth providers follow the environment of the running process.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({ GET: handler, POST: handler });
