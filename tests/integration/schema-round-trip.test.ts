import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

// GET /schema's answer is valid PUT input (issue #14 item 5): a script can fetch
// the schema, change one thing and send it back.
const db = getPrisma();
let owner: TestUser, projectId: string;

beforeEach(async () => ({ owner, projectId } = await makeTeam(db, {})));

type Item = { id: string; key: string; name: string; layer?: string; retired: boolean; position: number; hotkey?: string | null };
const read = () => call('GET', '/projects/{id}/schema', { id: projectId }, { token: owner.token });
const put = (body: unknown) => call('PUT', '/projects/{id}/schema', { id: projectId }, { token: owner.token, body });
const rows = () =>
  Promise.all([db.label.findMany({ where: { projectId }, orderBy: { id: 'asc' } }), db.target.findMany({ where: { projectId }, orderBy: { id: 'asc' } })]);

describe('GET /schema round-trips through PUT', () => {
  it('takes back exactly what GET answered and changes nothing', async () => {
    const before = await read();
    const stored = await rows();
    const again = await put(before.body);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toEqual(before.body);
    expect(await rows()).toEqual(stored);
  });

  it('changes one label and keeps everything else, retired items staying retired', async () => {
    const first = (await read()).body;
    // Retire one label and one target the way the schema editor does: by leaving them out.
    const retiredLabel = first.labels.find((l: Item) => l.layer === 'FRAME') as Item;
    const retiredTarget = first.targets[1] as Item;
    const narrowed = await put({
      labels: first.labels.filter((l: Item) => l.id !== retiredLabel.id),
      targets: first.targets.filter((t: Item) => t.id !== retiredTarget.id),
    });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);

    const got = (await read()).body;
    const person = got.labels.find((l: Item) => l.key === 'PERSON');
    person.name = 'Person (named individual)';
    person.color = '#123456';
    const changed = await put(got);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.labels.find((l: Item) => l.key === 'PERSON')).toMatchObject({
      id: person.id,
      name: 'Person (named individual)',
      color: '#123456',
      retired: false,
    });
    expect(changed.body.labels.find((l: Item) => l.id === retiredLabel.id)).toMatchObject({ retired: true, hotkey: null });
    expect(changed.body.targets.find((t: Item) => t.id === retiredTarget.id)).toMatchObject({ retired: true });
    // Apart from the one edit, the answer is what GET said before.
    const unchanged = (body: { labels: Item[]; targets: Item[] }) => ({
      labels: body.labels.filter((l) => l.id !== person.id),
      targets: body.targets,
    });
    expect(unchanged(changed.body)).toEqual(unchanged(got));
  });

  it('retires an item sent with retired: true and revives it when sent without', async () => {
    const first = (await read()).body;
    const frame = first.labels.find((l: Item) => l.layer === 'FRAME') as Item;
    const retired = await put({ ...first, labels: first.labels.map((l: Item) => (l.id === frame.id ? { ...l, retired: true, hotkey: null } : l)) });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body.labels.find((l: Item) => l.id === frame.id)).toMatchObject({ retired: true });
    const revived = await put({ ...retired.body, labels: retired.body.labels.map((l: Item) => (l.id === frame.id ? { ...l, retired: false } : l)) });
    expect(revived.body.labels.find((l: Item) => l.id === frame.id)).toMatchObject({ retired: false });
  });
});

describe('PUT /schema rejects what would be ambiguous, naming the field', () => {
  async function rejected(body: unknown) {
    const stored = await rows();
    const response = await put(body);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    expect(await rows()).toEqual(stored);
    return response.body.error.details;
  }
  const stance = { layer: 'STANCE', key: 'FAVOR', name: 'Favor' };

  it('duplicate stance-target names, ignoring case and spacing', async () => {
    const details = await rejected({
      labels: [stance],
      targets: [
        { key: 'TALIBAN', name: 'Afghan Taliban' },
        { key: 'TALIBAN_2', name: ' afghan \u00a0 TALIBAN' },
      ],
    });
    expect(details).toEqual([
      { path: 'body.targets.1.name', message: 'duplicate target name "afghan \u00a0 TALIBAN" (also targets[0]; names are compared ignoring case and spacing)' },
    ]);
  });

  it('duplicate label names within a layer, ignoring case (other layers may share a name)', async () => {
    const details = await rejected({
      labels: [
        { layer: 'ENTITY', key: 'ORG', name: 'Organisation' },
        { layer: 'FRAME', key: 'ORG', name: 'Organisation' },
        { layer: 'ENTITY', key: 'ORG_2', name: 'ORGANISATION' },
      ],
    });
    expect(details).toEqual([
      { path: 'body.labels.2.name', message: 'duplicate name "ORGANISATION" in layer ENTITY (also labels[0]; names are compared ignoring case and spacing)' },
    ]);
  });

  it('an id that belongs to another key (keys cannot be renamed) or to nothing', async () => {
    const first = (await read()).body;
    const frame = first.labels.find((l: Item) => l.layer === 'FRAME') as Item;
    const details = await rejected({
      ...first,
      labels: [...first.labels.filter((l: Item) => l.id !== frame.id), { ...frame, key: 'RENAMED' }, { layer: 'ENTITY', key: 'X', name: 'X', id: 'nope' }],
    });
    const n = first.labels.length;
    expect(details).toEqual([
      {
        path: `body.labels.${n - 1}.id`,
        message: `${frame.id} is the label FRAME:${frame.key}, not FRAME:RENAMED; keys cannot be renamed (leave id out to add a new label)`,
      },
      { path: `body.labels.${n}.id`, message: 'nope is not a label of this project (leave id out to add a new label)' },
    ]);
  });

  it('a hotkey on a retired label, and fields of another layer that are not neutral', async () => {
    const details = await rejected({
      labels: [
        { layer: 'ENTITY', key: 'ORG', name: 'Org', retired: true, hotkey: 'o' },
        { layer: 'ENTITY', key: 'GPE', name: 'Place', multiple: true, options: [], sourceTypes: [] },
      ],
    });
    expect(details).toEqual([
      { path: 'body.labels.0.hotkey', message: 'a retired label has no hotkey; send null or leave it out' },
      { path: 'body.labels.1.multiple', message: 'multiple applies only to DOCUMENT labels' },
    ]);
  });

  it('stance labels whose targets are all retired', async () => {
    const details = await rejected({ labels: [stance], targets: [{ key: 'T', name: 'T', retired: true }] });
    expect(details).toEqual([{ path: 'body.targets', message: 'labels[0] (FAVOR) needs stance targets, but every target is retired' }]);
  });
});
