import { describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { updateProject } from '@/lib/projects/store';
import { getSchema, replaceSchema } from '@/lib/schema/store';
import { makeProject, makeUser } from '../support/fixtures';

const db = getPrisma();
const eventsOf = (projectId: string, entity: 'PROJECT' | 'LABEL' | 'TARGET') =>
  db.event.findMany({
    where: { projectId, entity },
    orderBy: { id: 'asc' },
    select: { entityId: true, action: true, actorId: true, before: true, after: true },
  });

describe('project settings and the label schema are on record', () => {
  it('records the project and every label and target it starts with', async () => {
    const owner = await makeUser(db, 'schema-owner');
    const project = await makeProject(db, { OWNER: owner });
    const [created] = await eventsOf(project.id, 'PROJECT');
    expect(created).toMatchObject({
      entityId: project.id,
      action: 'CREATE',
      actorId: owner.id,
      before: null,
      after: { blindMode: true, annotatorsPerDocument: 2 },
    });
    const schema = await getSchema(db, project.id);
    expect((await eventsOf(project.id, 'LABEL')).map((e) => e.entityId).sort()).toEqual(schema.labels.map((l) => l.id).sort());
    expect((await eventsOf(project.id, 'TARGET')).map((e) => e.entityId).sort()).toEqual(schema.targets.map((t) => t.id).sort());
  });

  it('records a settings change with before and after, and nothing for a PATCH that changes nothing', async () => {
    const owner = await makeUser(db, 'settings-owner');
    const project = await makeProject(db, { OWNER: owner });
    await updateProject(db, owner.id, project.id, { blindMode: false });
    await updateProject(db, owner.id, project.id, { blindMode: false });
    const events = await eventsOf(project.id, 'PROJECT');
    expect(events.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(events[1]).toMatchObject({ actorId: owner.id, before: { blindMode: true }, after: { blindMode: false } });
  });

  it('records a renamed label, a retired target and a new label, and leaves untouched ones alone', async () => {
    const owner = await makeUser(db, 'replace-owner');
    const project = await makeProject(db, { OWNER: owner });
    const schema = await getSchema(db, project.id);
    const [first, ...rest] = schema.labels.filter((l) => !l.retired);
    // The last target, so the others keep their positions.
    const keptTargets = schema.targets.slice(0, -1);
    const retiredTarget = schema.targets.at(-1)!;
    const eventsBefore = await db.event.count({ where: { projectId: project.id } });
    await replaceSchema(db, owner.id, project.id, {
      labels: [
        { ...first!, name: 'Renamed' },
        ...rest,
        { layer: 'ENTITY', key: 'PROTEST_GROUP', name: 'Protest group', description: '', color: '#123456', hotkey: null },
      ],
      targets: keptTargets,
    } as never);
    const added = await db.event.findMany({
      where: { projectId: project.id },
      orderBy: { id: 'asc' },
      skip: eventsBefore,
      select: { entity: true, entityId: true, action: true, before: true, after: true },
    });
    const newLabel = (await getSchema(db, project.id)).labels.find((l) => l.key === 'PROTEST_GROUP')!;
    expect(added.map((e) => [e.entity, e.entityId, e.action]).sort()).toEqual(
      [
        ['LABEL', first!.id, 'UPDATE'],
        ['LABEL', newLabel.id, 'CREATE'],
        ['TARGET', retiredTarget.id, 'UPDATE'],
      ].sort(),
    );
    expect(added.find((e) => e.entityId === first!.id)).toMatchObject({ before: { name: first!.name }, after: { name: 'Renamed' } });
    expect(added.find((e) => e.entityId === retiredTarget.id)).toMatchObject({ before: { retired: false }, after: { retired: true } });
  });
});
