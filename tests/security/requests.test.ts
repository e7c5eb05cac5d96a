import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { BASE, postCredentials, serverRss, survives, tableCounts, watchHealth, type HealthWatch } from './support';

/**
 * Hostile requests against the production build (issue #15 items 5, 6, 10, 11, 13): bodies
 * over their limits, lying Content-Length, cross-origin writes with a session cookie, bad
 * characters, formula injection in CSV, what health tells whom, HSTS. Every refused request
 * must leave the tables as they were and the server alive and answering health.
 */
const EMAIL = process.env.GLOSSA_EMAIL ?? '';
const PASSWORD = process.env.GLOSSA_PASSWORD ?? '';
const SIGN_UP_LIMIT = 16 * 1024;
const JSON_LIMIT = 5 * 1024 * 1024;
const MB = 1024 * 1024;

let cookie = '';
let projectId = '';
let documentId = '';
let fileWatch: HealthWatch;

/** The head of a raw POST /api/v1/projects with the session cookie, declaring a Content-Length that may lie. */
const createProjectHead = (contentLength: number) =>
  [
    `POST /api/v1/projects HTTP/1.1`,
    `Host: ${new URL(BASE!).host}`,
    `Cookie: ${cookie}`,
    'Content-Type: application/json',
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');

/** Our own pages: what Chromium sends with a fetch from Glossa's pages. */
const sameOrigin = () => ({ cookie, origin: BASE!, 'sec-fetch-site': 'same-origin' });

async function signIn(): Promise<string> {
  const response = await postCredentials(EMAIL, PASSWORD, { origin: BASE!, 'sec-fetch-site': 'same-origin' });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return session.split(';')[0]!;
}

async function api(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
  const response = await fetch(`${BASE}/api/v1${path}`, { method, headers: init.headers ?? sameOrigin(), body: init.body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

const asJson = (headers: Record<string, string>) => ({ ...headers, 'content-type': 'application/json' });

/**
 * Sends raw bytes on a socket. `until: 'head'` returns as soon as a response head arrived (the
 * body may still be unsent); `until: 'close'` returns everything the server sent until it hung up.
 */
function rawRequest(head: string, body: Buffer | null, until: 'head' | 'close', timeoutMs = 20_000): Promise<string> {
  const url = new URL(BASE!);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no answer within ${timeoutMs} ms; got: ${answer.slice(0, 200)}`))), timeoutMs);
    const finish = () => (clearTimeout(timer), socket.destroy(), resolve(answer));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (until === 'head' && answer.includes('\r\n\r\n')) finish();
    });
    socket.on('close', finish);
    // A server that hangs up on refused input may reset the connection rather than close it.
    socket.on('error', (error) =>
      until === 'close' && (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? finish() : (clearTimeout(timer), reject(error)),
    );
    socket.write(head);
    if (body) socket.write(body);
  });
}

describe.skipIf(!BASE)('hostile requests', () => {
  beforeAll(async () => {
    fileWatch = watchHealth();
    cookie = await signIn();
    projectId = (await api('GET', '/projects')).body.items[0].id;
    documentId = (await api('GET', `/projects/${projectId}/documents`)).body.items[0].id;
  });

  afterAll(async () => {
    // For bench/RESULTS.md ("Hostile requests"): the whole file, every payload included.
    const { worstMs, peakRss, failures } = await fileWatch.stop();
    console.log(
      `[hostile requests] worst /api/health latency ${Math.round(worstMs)} ms, peak server RSS ` +
        `${Math.round(peakRss / MB)} MB, health failures ${failures.length}`,
    );
  });

  describe('body limits', () => {
    it('sign-up bodies just past 16 KB, six at once: 413 each, no account', async () => {
      const before = await tableCounts();
      const body = JSON.stringify({ email: 'big@example.org', name: 'x'.repeat(SIGN_UP_LIMIT), password: 'long enough password' });
      const statuses = await survives(() =>
        Promise.all(
          Array.from({ length: 6 }, () =>
            fetch(`${BASE}/api/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => [
              r.status,
              (await r.json()).error.details,
            ]),
          ),
        ),
      );
      expect(statuses).toEqual(Array.from({ length: 6 }, () => [413, { limitBytes: SIGN_UP_LIMIT }]));
      expect(await tableCounts()).toEqual(before);
    });

    it('a 256 MB streamed sign-up body (no Content-Length) is cut off at the limit, not buffered', async () => {
      const rssBefore = serverRss();
      let peak = rssBefore;
      let sent = 0;
      const chunk = new Uint8Array(MB).fill(0x20);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"email":"stream@example.org","name":"'));
          if (sent >= 256 * MB) return controller.close();
          sent += chunk.byteLength;
          peak = Math.max(peak, serverRss());
          controller.enqueue(chunk);
        },
      });
      const status = await survives(async () => {
        try {
          const response = await fetch(`${BASE}/api/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            duplex: 'half',
          } as RequestInit);
          return response.status;
        } catch (error) {
          // The server may close the connection on an upload it refused before the client reads the answer.
          return `closed: ${(error as Error).message}`;
        }
      });
      expect(status).toBe(413);
      expect(peak - rssBefore, 'server RSS growth while the body streamed (bytes)').toBeLessThan(64 * MB);
    });

    it('JSON over 5 MB to an authenticated route: 413 naming the limit, nothing written', async () => {
      const before = await tableCounts();
      const body = JSON.stringify({ name: 'Huge', description: 'y'.repeat(JSON_LIMIT) });
      const response = await survives(() => api('POST', '/projects', { headers: asJson(sameOrigin()), body }));
      expect(response.status).toBe(413);
      expect(response.body.error.message).toBe(`The request body (Content-Length: ${Buffer.byteLength(body)} bytes) exceeds the limit of 5 MB for this route.`);
      expect(await tableCounts()).toEqual(before);
    });

    it('a Content-Length over the limit is refused before any body byte is sent', async () => {
      const head = createProjectHead(1024 * MB);
      const answer = await survives(() => rawRequest(head, null, 'head'));
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    });

    it('a Content-Length smaller than the bytes sent: the rest is not read as a body or a request', async () => {
      const head = createProjectHead(12);
      // The extra bytes arrive in one piece with the body (2 KB): were the client still sending when the
      // server hangs up, its kernel would answer with a reset, and a reset may discard the 400 on its way.
      const answer = await survives(() => rawRequest(head, Buffer.from(`{"name":"x"}${'{"name":"smuggled"}'.repeat(100)}`), 'close'));
      // Node's HTTP parser takes the bytes after the declared body as the next request, refuses them and hangs up.
      expect(answer).toMatch(/HTTP\/1\.1 400 Bad Request/);
      expect((await api('GET', '/projects')).body.items.map((p: { name: string }) => p.name)).not.toContain('smuggled');
    });

    it('a Content-Length larger than the bytes sent, then the client hangs up: nothing written, the server lives', async () => {
      const before = await tableCounts();
      const head = createProjectHead(4000);
      await survives(() => rawRequest(head, Buffer.from('{"name":"half'), 'close', 1000).catch((error: Error) => error.message));
      expect(await tableCounts()).toEqual(before);
    });
  });

  describe('cross-origin writes with the session cookie', () => {
    let attacker: Server;
    let attackerUrl = '';

    beforeAll(async () => {
      // The attack of the issue: a page on another port of the same host is same-site, so the browser sends the session cookie.
      attacker = createServer((_, response) => response.end('<!doctype html><title>attacker</title>'));
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

    it('a page on another port cannot import gold spans with a manager’s session (real Chromium, multipart, no preflight)', async () => {
      const browser = await launchChromium();
      try {
        const context = await browser.newContext();
        const [name, value] = cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: BASE! }]);
        const page = await context.newPage();
        await page.goto(attackerUrl);
        const before = await tableCounts();
        const answered = page.waitForResponse((response) => response.url().includes('/documents'));
        await page.evaluate(
          ({ target }) => {
            const form = new FormData();
            form.set('author', 'gold');
            form.set('file', new File(['{"text":"Planted gold.","label":[[0,7,"ORG"]]}\n'], 'planted.jsonl'));
            return fetch(target, { method: 'POST', body: form, mode: 'no-cors', credentials: 'include' });
          },
          { target: `${BASE}/api/v1/projects/${projectId}/documents` },
        );
        const response = await answered;
        // The owner may import into gold: only the origin check can refuse this (the opaque answer's body is not readable).
        expect(response.status()).toBe(403);
        expect(await tableCounts()).toEqual(before);

        // The attack is real: from that page the browser does send the session cookie (a list answers 401 without it).
        const list = page.waitForResponse((r) => r.url().endsWith('/api/v1/projects'));
        await page.evaluate((target) => fetch(target, { mode: 'no-cors', credentials: 'include' }), `${BASE}/api/v1/projects`);
        expect((await list).status()).toBe(200);
      } finally {
        await browser.close();
      }
    });

    it.each([
      ['PATCH', (): string => `/projects/${projectId}`, { name: 'Renamed by an attacker' }],
      ['DELETE', (): string => `/documents/${documentId}`, undefined],
      ['POST', (): string => '/tokens', { name: 'attacker token' }],
      ['PUT', (): string => `/documents/${documentId}/labels`, { answers: [] }],
    ] as const)('%s %s from another site: 403, nothing written', async (method, path, body) => {
      const before = await tableCounts(['Project', 'Document', 'ApiToken', 'Event']);
      const headers = asJson({ cookie, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
      const response = await api(method, path(), { headers, body: body && JSON.stringify(body) });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'cross_origin_forbidden', details: { reason: 'Sec-Fetch-Site: cross-site' } });
      expect(await tableCounts(['Project', 'Document', 'ApiToken', 'Event'])).toEqual(before);
    });

    it('next-auth sign-out and the credentials callback refuse other sites too', async () => {
      const crossSite = { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: attackerUrl, 'sec-fetch-site': 'same-site' };
      const signOut = await fetch(`${BASE}/api/auth/signout`, { method: 'POST', redirect: 'manual', headers: crossSite, body: 'csrfToken=x' });
      expect(signOut.status).toBe(403);
      const callback = await fetch(`${BASE}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: crossSite,
        body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
      });
      expect(callback.status).toBe(403);
      expect(callback.headers.getSetCookie().some((c) => c.startsWith('next-auth.session-token='))).toBe(false);
    });

    it('our own pages and API tokens (even sent from elsewhere) are let through', async () => {
      const own = await api('POST', '/tokens', { headers: asJson(sameOrigin()), body: JSON.stringify({ name: 'security suite' }) });
      expect(own.status).toBe(201);
      const bearer = { authorization: `Bearer ${own.body.token}`, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
      const created = await api('POST', '/projects', { headers: asJson(bearer), body: JSON.stringify({ name: 'Made with a token' }) });
      expect(created.status).toBe(201);
    });

    it('sign-up refuses text/plain, what a cross-site <form> can send without a preflight', async () => {
      const before = await tableCounts();
      const response = await fetch(`${BASE}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ email: 'form@example.org', name: 'Form', password: 'long enough password' }),
      });
      expect(response.status).toBe(415);
      expect(await tableCounts()).toEqual(before);
    });
  });

  describe('bad characters', () => {
    it.each([
      ['a NUL in a project name', 'POST', (): string => '/projects', { name: 'Evil\u0000name' }, 'body.name'],
      ['a NUL in a token name', 'POST', (): string => '/tokens', { name: 'tok\u0000en' }, 'body.name'],
      ['a NUL in project guidelines', 'PATCH', (): string => `/projects/${projectId}`, { guidelines: 'Mark\u0000 every span' }, 'body.guidelines'],
      [
        'a lone surrogate in span attributes',
        'POST',
        (): string => `/documents/${documentId}/annotations`,
        { labelId: 'x', start: 0, end: 1, attributes: { note: ['ok', 'x\uD800'] } },
        'body.attributes.note[1]',
      ],
    ] as const)('%s: 400 naming the path, nothing written', async (_, method, path, value, field) => {
      const before = await tableCounts();
      const response = await survives(() => api(method, path(), { headers: asJson(sameOrigin()), body: JSON.stringify(value) }));
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].path).toBe(field);
      expect(await tableCounts()).toEqual(before);
    });

    it('a NUL in a sign-up name: 400 naming the field', async () => {
      const response = await fetch(`${BASE}/api/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nul@example.org', name: 'N\u0000', password: 'long enough password' }),
      });
      expect(response.status).toBe(400);
      expect((await response.json()).error.details[0].path).toBe('body.name');
    });

    it('JSON nested 100,000 levels deep: 400 naming the limit, the server lives', async () => {
      const body = `{"name":"x","description":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      const response = await survives(() => api('POST', '/projects', { headers: asJson(sameOrigin()), body }));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('The JSON body is nested more than 64 levels deep (at character 89).');
    });

    it('invalid UTF-8 in a JSON body: 400 with the byte offset', async () => {
      const body = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
      const response = await api('POST', '/projects', { headers: asJson(sameOrigin()), body });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual({ offset: 12 });
    });
  });

  describe('CSV export and formula injection', () => {
    it('escapes formula-like cells by default, keeps them exact with csvEscape=raw, and the card says which', async () => {
      const text = '=HYPERLINK("http://evil.example","Read more") says the minister.';
      const imported = await api('POST', `/projects/${projectId}/documents`, {
        headers: asJson(sameOrigin()),
        body: JSON.stringify({ documents: [{ name: 'formula', text }] }),
      });
      expect(imported.status).toBe(201);
      const formula = (await api('GET', `/projects/${projectId}/documents?limit=100`)).body.items.find((d: { name: string }) => d.name === 'formula');
      const schema = (await api('GET', `/projects/${projectId}/schema`)).body;
      const stance = schema.labels.find((label: { layer: string }) => label.layer === 'STANCE');
      const quote = '=HYPERLINK("http://evil.example","Read more")';
      const span = await api('POST', `/documents/${formula.id}/annotations`, {
        headers: asJson(sameOrigin()),
        body: JSON.stringify({ labelId: stance.id, start: 0, end: [...quote].length, target: { kind: 'target', id: schema.targets[0].id } }),
      });
      expect(span.status).toBe(201);

      const exported = (query: string) =>
        fetch(`${BASE}/api/v1/projects/${projectId}/export?source=all&documents=${formula.id}&${query}`, { headers: { cookie } }).then((r) => r.text());
      const escaped = await exported('format=stance-csv');
      expect(escaped).toContain(`,"'=HYPERLINK(""http://evil.example"",""Read more"")",`);
      const raw = await exported('format=stance-csv&csvEscape=raw');
      expect(raw).toContain(`,"=HYPERLINK(""http://evil.example"",""Read more"")",`);
      expect(raw).not.toContain("'=HYPERLINK");
      expect(await exported('format=card&of=stance-csv')).toMatch(
        /escaped for spreadsheets \(csvEscape=spreadsheet\)[^\n]*\n[^\n]*cells escaped with a leading quote \| 1 \|/,
      );
      expect(await exported('format=card&of=stance-csv&csvEscape=raw')).toMatch(
        /raw \(csvEscape=raw\)[^\n]*\n[^\n]*cells a spreadsheet would run as formulas \| 1 \|/,
      );
    });
  });

  describe('health and transport headers', () => {
    it('health tells anonymous callers the status alone, a signed-in user the version and uptime', async () => {
      const anonymous = await fetch(`${BASE}/api/health`);
      expect(await anonymous.json()).toEqual({ status: 'ok' });
      const signedIn = await (await fetch(`${BASE}/api/health`, { headers: { cookie } })).json();
      expect(signedIn).toMatchObject({
        status: 'ok',
        app: { name: 'glossa', version: expect.stringMatching(/^\d+\.\d+\.\d+/), uptimeSeconds: expect.any(Number) },
      });
    });

    it('no Strict-Transport-Security over plain http', async () => {
      for (const path of ['/signin', '/api/health']) {
        const response = await fetch(`${BASE}${path}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('strict-transport-security')).toBeNull();
        // A real answer with Glossa's headers, not an error page without any.
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  });
});
