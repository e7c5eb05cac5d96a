import 'server-only';

/**
 * The address people use to reach this Glossa: `GLOSSA_PUBLIC_URL`, else `NEXTAUTH_URL` (which
 * next-auth already needs behind a reverse proxy). One reader, so the cross-origin check, HSTS
 * and anything that writes absolute links agree on what "our own origin" and "served over
 * HTTPS" mean. Read on every call: tests and `npm start` set the variables at run time.
 */
export function publicUrl(env: Record<string, string | undefined> = process.env): URL | null {
  for (const name of ['GLOSSA_PUBLIC_URL', 'NEXTAUTH_URL'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    try {
      return new URL(value);
    } catch {
      // A configuration error, not a request's: `npm start` reads this before serving (scripts/start.ts).
      throw new Error(`${name} is not a valid URL: "${value}".`);
    }
  }
  return null;
}

/** HTTPS is decided by the configured public URL alone; forwarded headers are not trusted here. */
export function isHttpsDeployment(env: Record<string, string | undefined> = process.env): boolean {
  return publicUrl(env)?.protocol === 'https:';
}
