import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { errorResponse } from '@/lib/api/endpoint';
import { methodsRoute } from '@/lib/api/route';
import { authOptions } from '@/lib/next/auth-options';
import { readBodyText } from '@/lib/http/body';
import { assertCleanStrings, parseClientJson } from '@/lib/http/json';
import { assertSameOrigin } from '@/lib/http/origin';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Sign-in, sign-out and the CSRF token are small forms; anyone can send them.
const AUTH_BODY_LIMIT = 16 * 1024;

// Built per request so OAuth providers follow the environment of the running process.
async function handler(request: NextRequest, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

/**
 * next-auth's own CSRF token guards sign-in and sign-out with a cookie, which a sibling subdomain
 * can overwrite; the origin check closes that, and the body is read here under a limit (strict
 * UTF-8, no NUL) before next-auth parses it.
 */
async function post(request: NextRequest, context: RouteContext) {
  let guarded: NextRequest;
  try {
    assertSameOrigin(request);
    const text = await readBodyText(request, AUTH_BODY_LIMIT);
    // The two body types next-auth parses (next-auth/next/utils getBody).
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/json')) parseClientJson(text);
    else if (type.includes('application/x-www-form-urlencoded')) assertCleanStrings(Object.fromEntries(new URLSearchParams(text)), 'body');
    guarded = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: text });
  } catch (error) {
    return errorResponse(error);
  }
  return handler(guarded, context);
}

// Next hands route handlers a NextRequest, which next-auth's handler expects.
export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = methodsRoute({
  GET: (request: Request, context: RouteContext) => handler(request as NextRequest, context),
  POST: (request: Request, context: RouteContext) => post(request as NextRequest, context),
});
