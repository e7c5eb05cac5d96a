import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { glossa } from '../support/cli';
import { makeProject, makeUser } from '../support/fixtures';

/** `glossa suggest`: a batch run from the command line, followed to its end with --wait. */
const db = getPrisma();

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('glossa suggest', () => {
  it('runs a recommender over the project and prints its progress and result; a failing run exits 1 with its message', async () => {
    const owner = await makeUser(db, 'cli-owner');
    const project = await makeProject(db, { OWNER: owner });
    const gpe = await db.label.findFirstOrThrow({ where: { projectId: project.id, key: 'GPE' } });
    const first = await db.document.create({ data: { projectId: project.id, name: 'a', text: 'Lahore is old.', sha256: 'a', position: 0 } });
    await db.document.create({ data: { projectId: project.id, name: 'b', text: 'Lahore and Lahore.', sha256: 'b', position: 1 } });
    await db.annotation.create({ data: { documentId: first.id, authorId: null, labelId: gpe.id, start: 0, end: 6, quote: 'Lahore' } });
    const matcher = await db.recommender.create({ data: { projectId: project.id, kind: 'string-match', name: 'matcher' } });

    const done = await glossa(['suggest', '--project', project.id, '--recommender', matcher.id, '--wait'], { timeout: 90_000 });
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/^Run \w+ of matcher queued\.$/m);
    expect(done.stdout).toContain('SUCCEEDED: 2/2 documents (0 failed), 3 suggestions');

    const closed = await closedPort();
    const broken = await db.recommender.create({
      data: { projectId: project.id, kind: 'http', name: 'lab', config: { url: `http://127.0.0.1:${closed}/spans`, timeoutMs: 2000, retries: 0 } },
    });
    const failed = await glossa(['suggest', '--project', project.id, '--recommender', broken.id, '--documents', first.id, '--wait'], { timeout: 90_000 });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`failed: 1 of 1 document(s) failed: Could not reach http://127.0.0.1:${closed}/spans: ECONNREFUSED.`);

    const unknown = await glossa(['suggest', '--project', project.id, '--recommender', 'nope'], { timeout: 90_000 });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`No recommender nope in project ${project.id}.`);
  });
});
