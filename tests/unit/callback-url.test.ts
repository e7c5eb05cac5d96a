import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/lib/auth/callback-url';

/** The sign-in page receives `callbackUrl` decoded once from the query string, as here. */
function fromQuery(rawQuery: string): string | undefined {
  return new URLSearchParams(rawQuery).get('callbackUrl') ?? undefined;
}

describe('safeCallbackUrl', () => {
  it.each([
    ['callbackUrl=/%09/evil.example/x', '/'],
    ['callbackUrl=/%0d/x', '/'],
    ['callbackUrl=/%0a/evil.example', '/'],
    ['callbackUrl=//evil.example', '/'],
    ['callbackUrl=%2F%2Fevil.example', '/'],
    ['callbackUrl=/%5Cevil.example', '/'],
    ['callbackUrl=/%5C%5Cevil.example', '/'],
    ['callbackUrl=https://evil.example/', '/'],
    ['callbackUrl=https%3A%2F%2Fevil.example%2F', '/'],
    ['callbackUrl=javascript:alert(1)', '/'],
    ['callbackUrl=/.//evil.example', '/'],
    ['callbackUrl=/a/..//evil.example', '/'],
    ['callbackUrl=/%2e//evil.example', '/'],
    ['callbackUrl=%09//evil.example', '/'],
    ['callbackUrl=', '/'],
    ['', '/'],
    ['callbackUrl=/projects/abc?tab=members#top', '/projects/abc?tab=members#top'],
    ['callbackUrl=%2Fprojects%2Fabc', '/projects/abc'],
    ['callbackUrl=/%252F%252Fevil.example', '/%2F%2Fevil.example'],
    ['callbackUrl=/settings/tokens', '/settings/tokens'],
  ])('%s → %s', (query, expected) => {
    expect(safeCallbackUrl(fromQuery(query))).toBe(expected);
  });

  it('never returns a control character or a second leading slash', () => {
    for (let code = 0; code < 0x20; code++) {
      const result = safeCallbackUrl(`/${String.fromCharCode(code)}/evil.example/x`);
      expect(result).not.toMatch(/[\u0000-\u001f]/);
      expect(result.startsWith('//')).toBe(false);
    }
  });

  it('takes only a single string', () => {
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/');
    expect(safeCallbackUrl(undefined)).toBe('/');
  });
});
