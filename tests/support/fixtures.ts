import { randomBytes } from 'node:crypto';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { PrismaClient } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { createProject, type ProjectSettings } from '@/lib/projects/store';
import { createUser } from '@/lib/users/store';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function makeUser(db: PrismaClient, name = 'user') {
  const email = `${name}-${randomBytes(4).toString('hex')}@example.org`;
  const user = await createUser(db, { email, name, password: TEST_PASSWORD });
  const { token } = await createApiToken(db, user.id, `${name} token`);
  return { ...user, token };
}

export type TestUser = Awaited<ReturnType<typeof makeUser>>;

/**
 * A project with one member per role, created by the owner. Members may annotate documents
 * nobody assigned to them unless `settings` says otherwise: most tests are about something
 * else, while tests/integration/blind-work.test.ts checks the product default (off).
 */
export async function makeProject(
  db: PrismaClient,
  members: Partial<Record<Role, TestUser>>,
  name = 'Test project',
  settings: ProjectSettings = { allowSelfAssignment: true },
) {
  const project = await createProject(db, { name, presetId: 'news-stance-framing', ownerId: members.OWNER!.id, ...settings });
  for (const [role, user] of Object.entries(members)) {
    if (role !== 'OWNER') await db.membership.create({ data: { projectId: project.id, userId: user.id, role: role as Role } });
  }
  return project;
}

/**
 * A project with a new owner and one new user per other member of `roles`, named by its key
 * (`{ annotator: 'ANNOTATOR' }`): the set-up most tests of one project start from.
 */
export async function makeTeam<Name extends string>(db: PrismaClient, roles: Record<Name, Exclude<Role, 'OWNER'>>) {
  const owner = await makeUser(db, 'owner');
  const projectId = (await makeProject(db, { OWNER: owner })).id;
  const members = {} as Record<Name, TestUser>;
  for (const [name, role] of Object.entries(roles) as [Name, Role][]) {
    members[name] = await makeUser(db, name);
    await db.membership.create({ data: { projectId, userId: members[name].id, role } });
  }
  return { projectId, owner, ...members };
}

/** The project's label ids by `LAYER:KEY` (`ENTITY:ORG`): a key alone may stand in more than one layer. */
export async function labelIds(db: PrismaClient, projectId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await db.label.findMany({ where: { projectId } })).map((l) => [`${l.layer}:${l.key}`, l.id]));
}

/** `at('Bannu')`: the offsets of a needle's first occurrence in `text`, as a span's body takes them. */
export const offsetsIn = (text: string) => (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
