import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { importBatch } from '@/lib/import/service';
import { createProject } from '@/lib/projects/store';
import { DEFAULT_PRESET_ID } from '@/lib/schema/presets';
import { createUser } from '@/lib/users/store';
import { SAMPLE_DOCUMENT } from './sample-document';

export const DEMO_EMAIL = 'demo@glossa.local';

type DemoSeedResult = { created: true; email: string; password: string; projectId: string } | { created: false };

/**
 * Seeds the demo owner, project and document on a database with no users yet, so a
 * second start (or a database a team already uses) is left alone. The password is
 * random and returned once, for the caller to print.
 */
export async function seedDemo(db: PrismaClient): Promise<DemoSeedResult> {
  if ((await db.user.count()) > 0) return { created: false };
  const password = randomBytes(9).toString('base64url');
  const owner = await createUser(db, { email: DEMO_EMAIL, name: 'Demo Owner', password, isAdmin: true });
  const project = await createProject(db, {
    name: 'Demo — News stance & framing',
    description: 'A demo project: one short opinion piece with the default news stance & framing schema.',
    guidelines: DEMO_GUIDELINES,
    presetId: DEFAULT_PRESET_ID,
    ownerId: owner.id,
  });
  const location = { file: 'demo' };
  await importBatch(
    db,
    [{ kind: 'parsed', name: 'demo', format: 'json', documents: [{ ...SAMPLE_DOCUMENT, spans: [], relations: [], documentLabels: [], location }] }],
    {
      projectId: project.id,
      actorId: owner.id,
      author: { kind: 'user', userId: owner.id },
    },
  );
  return { created: true, email: owner.email, password, projectId: project.id };
}

const DEMO_GUIDELINES = `# Annotation guidelines (demo)

1. **Entities** — mark every mention of a person, organisation or armed group, place and date.
   Mark nested names separately: *Hafiz Gul Bahadur* is a PERSON inside the ORG *Hafiz Gul Bahadur group*.
2. **Stance** — mark the shortest passage that shows the author's stance, and always name its target
   (a project target such as *Afghan Taliban*, or an entity span).
3. **Frames** — mark passages that frame the issue (security, sovereignty, identity …) with one of the 15 frames.
4. **Relations** — link actors: who supports, attacks or is allied with whom.
5. Answer the document questions (overall stance per target, primary frame), then **Submit**.
`;
