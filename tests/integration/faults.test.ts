import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { makeProject, makeUser } from '../support/fixtures';

const db = getPrisma();

describe('faults', () => {
  it('leaves no partial batch when the importing process is killed midway', async () => {
    const owner = await makeUser(db, 'owner');
    const project = await makeProject(db, { OWNER: owner });
    const folder = mkdtempSync(path.join(tmpdir(), 'glossa-fault-'));
    const file = path.join(folder, 'big.jsonl');
    const out = createWriteStream(file);
    for (let i = 0; i < 20_000; i++)
      out.write(`${JSON.stringify({ name: `doc-${i}`, text: `Document ${i}: talks in Doha and an attack in Bannu.`, spans: [] })}\n`);
    await new Promise((resolve) => out.end(resolve));

    const child = spawn(process.execPath, [path.resolve('bin/glossa.mjs'), 'import', '--project', project.id, '--file', file, '--format', 'glossa'], {
      env: { ...process.env },
      stdio: 'ignore',
    });
    // Kill it once its transaction has written documents (seen from another session).
    const deadline = Date.now() + 60_000;
    let writing = false;
    while (!writing && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [row] = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE '%INSERT INTO "public"."Document"%'`;
      writing = row!.n > 0;
    }
    expect(writing, 'the import had started writing').toBe(true);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    // PostgreSQL rolls the open transaction back when the connection dies.
    const settled = Date.now() + 10_000;
    let busy = 1;
    while (busy > 0 && Date.now() < settled) {
      busy = (
        await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`
      )[0]!.n;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await db.document.count({ where: { projectId: project.id } })).toBe(0);
    // The project's own set-up events (its creation, its labels) are not the import's.
    expect(await db.event.count({ where: { projectId: project.id, entity: { notIn: ['PROJECT', 'LABEL', 'TARGET'] } } })).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  }, 120_000);
});
