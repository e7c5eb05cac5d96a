/**
 * Where to go after signing in: only a path on this site. The value is parsed the
 * way a browser will parse it (WHATWG URL, which drops tabs and newlines and reads
 * `\` as `/`), against a placeholder origin; anything that resolves elsewhere —
 * `//evil`, `/\evil`, `/<TAB>/evil`, `https://evil`, `/.//evil` — falls back to `/`. What is
 * returned is the parsed path, so no control character reaches a Location header.
 */
const PLACEHOLDER_ORIGIN = 'http://glossa.invalid';

export function safeCallbackUrl(value: string | string[] | undefined): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  // Dot segments can still leave `//host` as the path (`/.//evil`), which a browser reads as another site.
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
