import { NextResponse } from 'next/server';
import { isHttpsDeployment } from '@/lib/http/public-url';

/**
 * Strict-Transport-Security on pages when the public URL is https. It is decided here, per
 * request, rather than in next.config.ts: Next.js fixes config headers at build time, and the
 * same build is started with and without TLS. Subdomains are not included: they may be other
 * people's services. API routes are left out of the matcher, because a proxy makes Next.js buffer
 * request bodies (imports are streamed), and a browser keeps the policy for the whole host anyway.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export function proxy() {
  const response = NextResponse.next();
  if (isHttpsDeployment()) response.headers.set('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = { matcher: ['/((?!api/|_next/static/|_next/image|favicon.ico).*)'] };
