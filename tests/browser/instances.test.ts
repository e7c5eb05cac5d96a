import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/lib/db/embedded';
import { spawnNext, waitForHealth } from '../../scripts/next-process';
import { api, BASE, documentIds, launchChromium, signedIn } from '../support/browser';

/**
 * Beyond one machine: a second app instance on the same database. A change made
 * through one instance reaches a live stream opened on the other, because live
 * updates travel through PostgreSQL NOTIFY, and a session made by one is valid on both.
 */
const DATABASE = process.env.GLOSSA_TEST_DATABASE_URL;

describe.skipIf(!BASE || !DATABASE)('two app instances on one database', () => {
  let browser: Browser;
  let second: ChildProcess;
  let secondUrl = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = spawnNext(['start', '-p', String(port), '-H', '127.0.0.1'], { env: { DATABASE_URL: DATABASE, NEXTAUTH_URL: secondUrl }, stdio: 'ignore' });
    await waitForHealth(secondUrl, second, 60_000);
  }, 90_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    await browser?.close();
  });

  it('sees a change made through the other instance, live', async () => {
    const { context, page } = await signedIn(browser);
    const { token } = await api<{ token: string }>(page, '/tokens', { method: 'POST', data: { name: 'two instances' } });
    const headers = { authorization: `Bearer ${token}` };
    const projectId = (await api<{ items: { id: string }[] }>(page, '/projects')).items[0]!.id;
    const documentId = (await documentIds(page, projectId))[0]!;
    const label = (await api<{ labels: { id: string; key: string }[] }>(page, `/projects/${projectId}/schema`)).labels.find((l) => l.key === 'GPE')!;

    const events = await fetch(`${secondUrl}/api/v1/documents/${documentId}/events`, { headers });
    expect(events.status).toBe(200);
    const reader = events.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    /** Reads the stream until an event matching `pattern` has arrived, failing with what did arrive after `ms`. */
    const eventArrives = async (pattern: RegExp, ms: number) => {
      const read = (async () => {
        while (!pattern.test(received)) {
          const { value, done } = await reader.read();
          if (done) throw new Error('the stream ended');
          received += decoder.decode(value, { stream: true });
        }
      })();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event matching ${pattern} within ${ms} ms; got ${JSON.stringify(received)}`)), ms);
      });
      await Promise.race([read, late]).finally(() => clearTimeout(timer));
    };
    // The second instance sends the first presence event once this stream is registered
    // with its hub and its presence row is in (lib/live/stream.ts), so from here on a
    // NOTIFY from the first instance must reach it.
    await eventArrives(/^event: presence$/m, 15_000);
    expect(received).not.toContain('event: change');

    const created = await fetch(`${BASE}/api/v1/documents/${documentId}/annotations`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ labelId: label.id, start: 0, end: 4 }),
    });
    expect(created.status).toBe(201);
    // The wait allows far more than the 2 s promised, so a late event fails the bound below
    // with its real delay instead of passing it by timing out.
    // The first annotation also assigns the document to its author, which is a notice of its own.
    const started = Date.now();
    await eventArrives(/^event: change\ndata: .*"entities":\["ANNOTATION"\]/m, 15_000);
    expect(Date.now() - started, 'delay from the created annotation to its change event on the other instance').toBeLessThan(2000);
    await reader.cancel();

    // The session cookie issued by the first instance works on the second.
    const cookies = await context.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await fetch(`${secondUrl}/api/v1/projects`, { headers: { cookie } })).status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await fetch(`${BASE}/api/v1/annotations/${id}`, { method: 'DELETE', headers });
    await context.close();
  }, 120_000);
});
