import 'server-only';
import { decode } from 'next-auth/jwt';

/** next-auth's session cookie, secure (HTTPS) and plain. */
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** The user and session ids of a valid session JWT; JWTs without a session id (made before sessions were recorded) count as none. */
export async function sessionClaims(cookieHeader: string | null): Promise<{ sub: string; sid: string } | null> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!cookieHeader || !secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIES) {
    // next-auth splits large JWTs into name.0, name.1, …
    const token = cookies.get(name) ?? joinChunks(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret });
      if (payload && typeof payload.sub === 'string' && typeof payload.sid === 'string') return { sub: payload.sub, sid: payload.sid };
    } catch {
      return null;
    }
  }
  return null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return cookies;
}

function joinChunks(cookies: Map<string, string>, name: string): string | undefined {
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join('') : undefined;
}
