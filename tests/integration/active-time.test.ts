import { beforeAll, describe, expect, it } from 'vitest';
import { recordHeartbeat } from '@/lib/assignments/heartbeat';
import { getPrisma } from '@/lib/db/client';
import { call, routeModule } from '../support/api';
import { makeTeam, makeUser, type TestUser } from '../support/fixtures';

/** POST /documents/{id}/time: heartbeats accumulate on the caller's assignment; gaps of idleness do not. */
const db = getPrisma();
let annotator: TestUser, documentId: string, projectId: string;

beforeAll(async () => {
  ({ annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' }));
  documentId = (await db.document.create({ data: { projectId, name: 'timed', text: 'A timed text.', sha256: 'timed', position: 0 } })).id;
  await db.assignment.create({ data: { documentId, userId: annotator.id } });
});

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, 0) + seconds * 1000);

describe('active time', () => {
  it('adds the gaps between beats of a stretch, and skips an idle gap and the time between stretches', async () => {
    await recordHeartbeat(db, documentId, annotator.id, false, at(0));
    await recordHeartbeat(db, documentId, annotator.id, false, at(15));
    expect(await recordHeartbeat(db, documentId, annotator.id, true, at(40))).toEqual({ activeSeconds: 40 });
    // Away for ten minutes with the stretch closed: nothing counts until the next gap.
    await recordHeartbeat(db, documentId, annotator.id, false, at(640));
    expect(await recordHeartbeat(db, documentId, annotator.id, false, at(655))).toEqual({ activeSeconds: 55 });
    // A lost end beat (a closed laptop): the next beat, long after, adds nothing.
    expect(await recordHeartbeat(db, documentId, annotator.id, false, at(4000))).toEqual({ activeSeconds: 55 });
    expect(await db.assignment.findFirstOrThrow({ where: { documentId, userId: annotator.id } })).toMatchObject({ activeSeconds: 55 });
  });

  it('answers 404 through the API for a member without an assignment, and writes nothing', async () => {
    const curator = await makeUser(db, 'curator');
    await db.membership.create({ data: { projectId, userId: curator.id, role: 'CURATOR' } });
    const ok = await call('POST', '/documents/{id}/time', { id: documentId }, { token: annotator.token, body: { end: true } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ activeSeconds: 55 });
    const unassigned = await call('POST', '/documents/{id}/time', { id: documentId }, { token: curator.token, body: {} });
    expect(unassigned.status).toBe(404);
    expect(await db.assignment.count({ where: { documentId, userId: curator.id } })).toBe(0);
  });

  it('gives each document the active seconds in the export metadata and totals per annotator in the dataset card', async () => {
    const exporter = await makeUser(db, 'exporter');
    await db.membership.create({ data: { projectId, userId: exporter.id, role: 'CURATOR' } });
    const token = exporter.token;
    const exported = async (query: string) => {
      const handler = (await routeModule('/projects/{id}/export')).GET!;
      const response = await handler(
        new Request(`http://localhost/api/v1/projects/${projectId}/export?${query}`, { headers: { authorization: `Bearer ${token}` } }),
        { params: Promise.resolve({ id: projectId }) },
      );
      expect(response.status).toBe(200);
      return response.text();
    };
    const [record] = (await exported('format=jsonl&source=all'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(record.metadata).toEqual({ glossa_active_seconds: { [annotator.id]: 55 } });
    const card = JSON.parse(await exported('format=card-json&of=jsonl&source=all'));
    expect(card.activeTime).toEqual([{ annotator: annotator.id, documents: 1, seconds: 55 }]);
  });
});
