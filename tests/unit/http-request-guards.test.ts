import { afterEach, describe, expect, it } from 'vitest';
import { firstInvalidUtf8, readBodyBytes, readBodyText } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { checkDepth, findBadString, MAX_JSON_DEPTH, parseClientJson } from '@/lib/http/json';
import { originVerdict, type RequestFacts } from '@/lib/http/origin';
import { isHttpsDeployment, publicUrl } from '@/lib/http/public-url';

const post = (facts: Partial<RequestFacts>): RequestFacts => ({
  method: 'POST',
  authorization: false,
  secFetchSite: null,
  origin: null,
  host: 'glossa.example.org',
  ...facts,
});

async function failure(promise: Promise<unknown> | (() => unknown)): Promise<HttpError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected an HttpError');
}

describe('originVerdict: which state-changing requests pass', () => {
  const own = new URL('https://glossa.example.org');
  it.each([
    ['GET from anywhere', { method: 'GET', secFetchSite: 'cross-site', origin: 'https://evil.example' }, own, true],
    ['HEAD from anywhere', { method: 'HEAD', secFetchSite: 'cross-site' }, own, true],
    ['Bearer token from another site', { authorization: true, secFetchSite: 'cross-site', origin: 'https://evil.example' }, own, true],
    ['our own page', { secFetchSite: 'same-origin', origin: 'https://glossa.example.org' }, own, true],
    ['typed by the user', { secFetchSite: 'none' }, own, true],
    ['a sibling subdomain', { secFetchSite: 'same-site', origin: 'https://other.example.org' }, own, false],
    ['another site', { secFetchSite: 'cross-site', origin: 'https://evil.example' }, own, false],
    ['DELETE from another site', { method: 'DELETE', secFetchSite: 'cross-site' }, own, false],
    ['curl: neither header', {}, own, true],
    ['old browser, our origin', { origin: 'https://glossa.example.org' }, own, true],
    ['old browser, another port of our host', { origin: 'https://glossa.example.org:8443' }, own, false],
    ['old browser, http instead of https', { origin: 'http://glossa.example.org' }, own, false],
    ['Origin: null', { origin: 'null' }, own, false],
    ['garbage Origin', { origin: 'not a url' }, own, false],
    ['no public URL: Origin carries the Host', { origin: 'http://10.0.0.5:3000', host: '10.0.0.5:3000' }, null, true],
    ['no public URL: another port of the Host', { origin: 'http://10.0.0.5:8080', host: '10.0.0.5:3000' }, null, false],
    ['no public URL: no Host header', { origin: 'http://10.0.0.5:3000', host: null }, null, false],
  ] as const)('%s → %s', (_, facts, ownOrigin, allowed) => {
    expect(originVerdict(post(facts), ownOrigin).allowed).toBe(allowed);
  });

  it('names the header that decided a refusal', () => {
    expect(originVerdict(post({ secFetchSite: 'same-site' }), own)).toEqual({ allowed: false, reason: 'Sec-Fetch-Site: same-site' });
    expect(originVerdict(post({ origin: 'https://evil.example' }), own)).toEqual({ allowed: false, reason: 'Origin: https://evil.example' });
  });
});

describe('publicUrl and isHttpsDeployment', () => {
  it('prefers GLOSSA_PUBLIC_URL over NEXTAUTH_URL', () => {
    expect(publicUrl({ GLOSSA_PUBLIC_URL: 'https://a.example', NEXTAUTH_URL: 'http://b.example' })?.origin).toBe('https://a.example');
    expect(publicUrl({ NEXTAUTH_URL: 'http://b.example:3000/' })?.origin).toBe('http://b.example:3000');
    expect(publicUrl({ GLOSSA_PUBLIC_URL: ' ' })).toBeNull();
  });
  it('decides HTTPS from the public URL only', () => {
    expect(isHttpsDeployment({ NEXTAUTH_URL: 'https://glossa.example.org' })).toBe(true);
    expect(isHttpsDeployment({ NEXTAUTH_URL: 'http://localhost:3000' })).toBe(false);
    expect(isHttpsDeployment({})).toBe(false);
  });
  it('names a malformed variable', () => {
    expect(() => publicUrl({ NEXTAUTH_URL: 'glossa.example.org' })).toThrow(/NEXTAUTH_URL is not a valid URL/);
  });
});

describe('checkDepth: nesting capped before JSON.parse', () => {
  it('accepts exactly the limit and refuses one more, naming it', async () => {
    const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    expect(() => checkDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
    const error = await failure(() => checkDepth(nested(MAX_JSON_DEPTH + 1)));
    expect(error.status).toBe(400);
    expect(error.message).toContain(`more than ${MAX_JSON_DEPTH} levels`);
    expect(error.details).toEqual({ limit: MAX_JSON_DEPTH, offset: MAX_JSON_DEPTH });
  });
  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(() => checkDepth(JSON.stringify({ a: `${'['.repeat(500)}\\"${'{'.repeat(500)}` }))).not.toThrow();
  });
  it('keeps 100,000 levels from overflowing the stack', async () => {
    const error = await failure(() => parseClientJson('{"a":'.repeat(100_000)));
    expect(error.status).toBe(400);
  });
});

describe('findBadString: NUL and lone surrogates with their path', () => {
  it('finds them in values and keys, anywhere', () => {
    expect(findBadString({ documents: [{ name: 'ok' }, { name: 'a\u0000b' }] })).toMatchObject({ path: 'body.documents[1].name' });
    expect(findBadString({ attributes: { note: 'x\uD800y' } })?.message).toMatch(/lone UTF-16 surrogate/);
    expect(findBadString({ attributes: { note: 'x\uDC00' } })?.path).toBe('body.attributes.note');
    expect(findBadString({ metadata: { 'k\u0000': 1 } })).toMatchObject({ path: 'body.metadata.k\u0000', message: expect.stringMatching(/^key .*NUL/) });
  });
  it('accepts well-formed text, surrogate pairs included', () => {
    expect(findBadString({ text: 'emoji 😀 and 𝔘', list: [1, null, true, 'ok'] })).toBeNull();
  });
  it('answers 400 validation_failed naming the path', async () => {
    const error = await failure(() => parseClientJson('{"name":"a\\u0000"}'));
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(error.message).toContain('body.name');
  });
});

const request = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readBodyBytes: limits on the stream', () => {
  it('refuses a declared Content-Length over the limit without reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(10))) });
    const error = await failure(readBodyBytes(request(body, { 'content-length': '2000' }), 1000));
    expect(error).toMatchObject({ status: 413, details: { limitBytes: 1000 } });
    expect(error.message).toBe('The request body (Content-Length: 2000 bytes) exceeds the limit of 1000 bytes for this route.');
    // The stream may prefetch its first chunk, but the reader took none.
    expect(pulled).toBeLessThanOrEqual(1);
  });
  it('cuts off a body that grows past the limit, reading no more than one chunk past it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(100))) });
    const error = await failure(readBodyBytes(request(body), 1000));
    expect(error.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(13);
  });
  it('returns a body of exactly the limit', async () => {
    expect((await readBodyBytes(request(new Uint8Array(1000)), 1000)).byteLength).toBe(1000);
  });
  it('refuses invalid UTF-8, naming the byte offset', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]);
    const error = await failure(readBodyText(request(bytes), 1000));
    expect(error).toMatchObject({ status: 400, details: { offset: 3 } });
  });
  it('firstInvalidUtf8 follows Unicode Table 3-7', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aé😀€'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // encoded surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2); // truncated
  });
});

describe('Strict-Transport-Security (proxy.ts)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env.GLOSSA_PUBLIC_URL = saved.GLOSSA_PUBLIC_URL;
    process.env.NEXTAUTH_URL = saved.NEXTAUTH_URL;
    if (saved.GLOSSA_PUBLIC_URL === undefined) delete process.env.GLOSSA_PUBLIC_URL;
    if (saved.NEXTAUTH_URL === undefined) delete process.env.NEXTAUTH_URL;
  });
  it('is sent when the public URL is https, read at request time', async () => {
    const { proxy } = await import('@/proxy');
    process.env.NEXTAUTH_URL = 'https://glossa.example.org';
    expect(proxy().headers.get('strict-transport-security')).toBe('max-age=31536000');
    process.env.GLOSSA_PUBLIC_URL = 'http://glossa.internal:3000';
    expect(proxy().headers.get('strict-transport-security')).toBeNull();
  });
});
