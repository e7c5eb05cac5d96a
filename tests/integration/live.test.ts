import { afterEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { routeModule, call } from '../support/api';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';
import { readServerEvents } from '../support/sse';

const db = getPrisma();
const open: AbortController[] = [];
afterEach(() => open.splice(0).forEach((c) => c.abort()));

/** Opens the SSE route like a browser would and collects parsed events. */
async function subscribe(documentId: string, user: TestUser) {
  const { GET } = await routeModule('/documents/{id}/events');
  const controller = new AbortController();
  open.push(controller);
  const response = await GET!(
    new Request(`http://localhost/api/v1/documents/${documentId}/events`, { headers: { authorization: `Bearer ${user.token}` }, signal: controller.signal }),
    { params: Promise.resolve({ id: documentId }) },
  );
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: { event: string; data: any }[] = [];
  readServerEvents(response.body!, (event, data) => events.push({ event, data }));
  return {
    events,
    next: async (event: string, where: (data: any) => boolean = () => true, timeoutMs = 2000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = events.find((e) => e.event === event && where(e.data));
        if (found) return found.data;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no ${event} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
    },
    close: () => controller.abort(),
  };
}

describe('live updates over server-sent events', () => {
  it('shows presence and delivers changes within 2 s, respecting blind mode', async () => {
    const owner = await makeUser(db, 'owner');
    const curator = await makeUser(db, 'Curator Carla');
    const annotator = await makeUser(db, 'Annotator Ann');
    const other = await makeUser(db, 'Other Otto');
    const project = await makeProject(db, { OWNER: owner, CURATOR: curator, ANNOTATOR: annotator });
    await db.membership.create({ data: { projectId: project.id, userId: other.id, role: 'ANNOTATOR' } });
    const document = await db.document.create({ data: { projectId: project.id, name: 'd', text: 'Talks in Doha.', sha256: 'x', position: 0 } });
    const gpe = await db.label.findFirstOrThrow({ where: { projectId: project.id, key: 'GPE' } });
    // Assigned beforehand, so the first change is the span alone (taking a document on is an event of its own).
    await db.assignment.create({ data: { documentId: document.id, userId: annotator.id } });
    await db.assignment.create({ data: { documentId: document.id, userId: other.id } });

    const watching = await subscribe(document.id, curator);
    const blind = await subscribe(document.id, other);
    const present = await watching.next('presence', (users) => users.length === 2);
    expect(present.map((u: { name: string; connections: number }) => [u.name, u.connections]).sort()).toEqual([
      ['Curator Carla', 1],
      ['Other Otto', 1],
    ]);
    // The blind annotator learns that someone else is here, not who.
    const seenBlind = await blind.next('presence', (users) => users.length === 2);
    expect(seenBlind.map((u: { id: string; name: string }) => [u.id, u.name]).sort()).toEqual(
      [
        ['other-1', 'another member'],
        [other.id, 'Other Otto'],
      ].sort(),
    );
    expect(JSON.stringify(blind.events)).not.toContain(curator.id);

    const created = await call(
      'POST',
      '/documents/{id}/annotations',
      { id: document.id },
      { token: annotator.token, body: { labelId: gpe.id, start: 9, end: 13 } },
    );
    expect(created.status).toBe(201);
    const change = await watching.next('change');
    expect(change).toMatchObject({ authors: [annotator.id], entities: ['ANNOTATION'], actorId: annotator.id });
    // The blind annotator's own change comes after it through the same LISTEN connection, in
    // commit order: once it has arrived, the annotator's change would have arrived before it.
    const own = await call('POST', '/documents/{id}/annotations', { id: document.id }, { token: other.token, body: { labelId: gpe.id, start: 0, end: 5 } });
    expect(own.status).toBe(201);
    await blind.next('change', (data) => data.authors.includes(other.id));
    expect(blind.events.filter((e) => e.event === 'change').map((e) => e.data.authors)).toEqual([[other.id]]);

    blind.close();
    await watching.next('presence', (users) => users.length === 1);
  });
});
