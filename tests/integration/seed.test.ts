import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { checkHealth } from '@/lib/health';
import { verifyPassword } from '@/lib/auth/password';
import { ensureAuthSecret } from '@/lib/auth/secret';
import { DEFAULT_PRESET_ID, findPreset } from '@/lib/schema/presets';
import { DEMO_EMAIL, seedDemo } from '@/lib/seed/demo';
import { codePointLength } from '@/lib/offsets';
import { readMigrations } from '@/lib/db/migrate';

describe('demo seed', () => {
  it('creates the demo owner, project, schema and document once', async () => {
    const db = getPrisma();
    const seeded = await seedDemo(db);
    expect(seeded.created).toBe(true);
    if (!seeded.created) return;

    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, seeded.password)).toBe(true);

    const project = await db.project.findUniqueOrThrow({
      where: { id: seeded.projectId },
      include: { memberships: true, labels: true, targets: true, documents: true },
    });
    expect(project.memberships).toEqual([expect.objectContaining({ userId: user.id, role: 'OWNER' })]);
    expect(project.labels).toHaveLength(findPreset(DEFAULT_PRESET_ID)!.labels.length);
    expect(new Set(project.labels.map((l) => l.layer))).toEqual(new Set(['ENTITY', 'STANCE', 'FRAME', 'RELATION', 'DOCUMENT']));
    expect(project.targets.length).toBeGreaterThan(0);
    const [document] = project.documents;
    expect(document!.text).toBe(document!.text.normalize('NFC'));
    expect(document!.text).not.toContain('\r');
    expect(codePointLength(document!.text)).toBeGreaterThan(100);

    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await db.project.count()).toBe(1);
  });

  it('keeps one generated auth secret for every caller', async () => {
    const saved = process.env.NEXTAUTH_SECRET;
    delete process.env.NEXTAUTH_SECRET;
    try {
      const db = getPrisma();
      const [a, b] = await Promise.all([ensureAuthSecret(db), ensureAuthSecret(db)]);
      expect(a).toBe(b);
      expect(a.length).toBeGreaterThanOrEqual(32);
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
      else process.env.NEXTAUTH_SECRET = saved;
    }
  });

  it('reports health with the database status', async () => {
    const health = await checkHealth();
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({ status: 'ok', migrations: readMigrations().length });
  });
});
