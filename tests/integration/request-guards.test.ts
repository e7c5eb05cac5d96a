import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { GET as health } from '@/app/api/health/route';
import { POST as signUpRoute } from '@/app/api/signup/route';
import { routeModule, sessionCookie } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

/**
 * The request guards of lib/http through the real route modules: cross-origin writes with a
 * cookie (lib/http/origin.ts), body limits and strict JSON (lib/http/body.ts, json.ts), and
 * what /api/health tells whom. Every refused request must leave the database as it was.
 */
const db = getPrisma();
const APP = 'https://glossa.example.org';
let owner: TestUser;
let cookie: string;
let projectId: string;

beforeAll(() => void (process.env.GLOSSA_PUBLIC_URL = APP));
afterAll(() => void delete process.env.GLOSSA_PUBLIC_URL);

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  cookie = await sessionCookie(owner.id);
  projectId = (await makeProject(db, { OWNER: owner })).id;
});

/** Like tests/support/api.ts `call`, with any headers and any body (multipart, raw bytes). */
async function send(method: string, template: string, init: { headers?: Record<string, string>; body?: BodyInit; params?: Record<string, string> } = {}) {
  const [route = '', search] = template.split('?');
  const path = route.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(init.params![name]!));
  const handler = (await routeModule(route))[method]!;
  const request = new Request(`${APP}/api/v1${path}${search ? `?${search}` : ''}`, { method, headers: init.headers, body: init.body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function counts() {
  const [projects, documents, annotations, events] = await Promise.all([db.project.count(), db.document.count(), db.annotation.count(), db.event.count()]);
  return { projects, documents, annotations, events };
}

const json = (value: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof value === 'string' ? value : JSON.stringify(value),
});

describe('cross-origin writes with a session cookie', () => {
  it('refuses them before the handler runs, imports included, and writes nothing', async () => {
    const before = await counts();
    const crossSite = { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    const created = await send('POST', '/projects', json({ name: 'Planted' }, crossSite));
    expect(created.status).toBe(403);
    expect(created.body.error).toMatchObject({ code: 'cross_origin_forbidden', details: { reason: 'Sec-Fetch-Site: cross-site' } });

    // The attack of the issue: a multipart form from a sibling port, with author=gold in a field.
    const form = new FormData();
    form.set('author', 'gold');
    form.set('file', new File(['{"text":"planted","label":[[0,7,"ORG"]]}\n'], 'x.jsonl'));
    const imported = await send('POST', '/projects/{id}/documents', {
      headers: { cookie, origin: 'https://glossa.example.org:8443', 'sec-fetch-site': 'same-site' },
      body: form,
      params: { id: projectId },
    });
    expect(imported).toMatchObject({ status: 403, body: { error: { code: 'cross_origin_forbidden' } } });

    const deleted = await send('DELETE', '/projects/{id}', { headers: { cookie, origin: 'https://evil.example' }, params: { id: projectId } });
    expect(deleted.body.error.details).toEqual({ reason: 'Origin: https://evil.example' });
    expect(await counts()).toEqual(before);
  });

  it('lets our own pages, API tokens and non-browser clients through', async () => {
    const own = await send('POST', '/projects', json({ name: 'Own page' }, { cookie, origin: APP, 'sec-fetch-site': 'same-origin' }));
    expect(own.status).toBe(201);
    const token = await send(
      'POST',
      '/projects',
      json({ name: 'Script' }, { authorization: `Bearer ${owner.token}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(token.status).toBe(201);
    const curl = await send('POST', '/projects', json({ name: 'curl' }, { cookie }));
    expect(curl.status).toBe(201);
    // Reading is never refused.
    expect((await send('GET', '/projects', { headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

describe('JSON bodies', () => {
  const asOwner = () => ({ authorization: `Bearer ${owner.token}` });

  it.each([
    ['a NUL in a project name', { name: 'a\u0000b' }, 'body.name', /NUL/],
    ['a lone surrogate in a nested value', { name: 'ok', description: 'x\uD83D' }, 'body.description', /lone UTF-16 surrogate/],
  ])('%s: 400 naming the path, nothing written', async (_, value, path, message) => {
    const before = await counts();
    const response = await send('POST', '/projects', json(value, asOwner()));
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(await counts()).toEqual(before);
  });

  it('a NUL in the query string: 400 naming the parameter', async () => {
    const response = await send('GET', `/projects?cursor=a%00b`, { headers: asOwner() });
    expect(response.status).toBe(400);
    expect(response.body.error.details[0].path).toBe('query.cursor');
  });

  it('nesting deeper than 64 levels: 400 naming the limit', async () => {
    const response = await send('POST', '/projects', json(`{"name":"x","description":${'['.repeat(5000)}`, asOwner()));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/nested more than 64 levels/);
  });

  it('invalid UTF-8: 400 with the byte offset, never replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await send('POST', '/projects', { headers: { 'content-type': 'application/json', ...asOwner() }, body: bytes });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual({ offset: 12 });
    expect(await db.project.count({ where: { name: { startsWith: 'caf' } } })).toBe(0);
  });

  it('over 5 MB: 413 naming the limit, by Content-Length or by counting', async () => {
    const big = JSON.stringify({ name: 'x', description: 'y'.repeat(5 * 1024 * 1024) });
    const counted = await send('POST', '/projects', json(big, asOwner()));
    expect(counted.status).toBe(413);
    expect(counted.body.error).toMatchObject({ code: 'payload_too_large', details: { limitBytes: 5 * 1024 * 1024 } });
    const declared = await send('POST', '/projects', json('{}', { ...asOwner(), 'content-length': String(6 * 1024 * 1024) }));
    expect(declared.body.error.message).toMatch(/\(Content-Length: 6291456 bytes\) exceeds the limit of 5 MB/);
  });
});

describe('POST /api/signup', () => {
  const signUp = (body: BodyInit, headers: Record<string, string>) => signUpRoute(new Request(`${APP}/api/signup`, { method: 'POST', headers, body }));

  it('refuses text/plain (what a cross-site <form> can send) with 415', async () => {
    const response = await signUp(JSON.stringify({ email: 'a@example.org', name: 'A', password: 'long enough password' }), { 'content-type': 'text/plain' });
    expect(response.status).toBe(415);
    expect(await db.user.count({ where: { email: 'a@example.org' } })).toBe(0);
  });

  it('refuses a body over 16 KB and a cross-site request', async () => {
    const big = await signUp(JSON.stringify({ email: 'b@example.org', name: 'x'.repeat(20_000), password: 'long enough password' }), {
      'content-type': 'application/json',
    });
    expect(big.status).toBe(413);
    const forged = await signUp(JSON.stringify({ email: 'c@example.org', name: 'C', password: 'long enough password' }), {
      'content-type': 'application/json',
      'sec-fetch-site': 'cross-site',
    });
    expect(forged.status).toBe(403);
    expect(await db.user.count({ where: { email: { in: ['b@example.org', 'c@example.org'] } } })).toBe(0);
  });

  it('refuses a NUL in the name, naming the field', async () => {
    const response = await signUp(JSON.stringify({ email: 'd@example.org', name: 'D\u0000', password: 'long enough password' }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.details[0].path).toBe('body.name');
  });
});

describe('GET /api/health', () => {
  const check = async (headers: Record<string, string> = {}) => {
    const response = await health(new Request(`${APP}/api/health`, { headers }));
    return { status: response.status, body: await response.json() };
  };

  it('tells anonymous callers the status alone', async () => {
    expect(await check()).toEqual({ status: 200, body: { status: 'ok' } });
    // A bad token is not an error here: the caller is simply not known.
    expect(await check({ authorization: 'Bearer nonsense' })).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('shows version, uptime and the database to a signed-in user or a token', async () => {
    for (const headers of [{ cookie }, { authorization: `Bearer ${owner.token}` }] as Record<string, string>[]) {
      const { status, body } = await check(headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'ok', app: { name: 'glossa', version: expect.stringMatching(/^\d+\.\d+\.\d+/) }, database: { status: 'ok' } });
    }
  });
});
