import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { BRAT_SKIPPED, equivalenceSkipped } from '@/lib/import/parsers/brat';
import { importBatch } from '@/lib/import/service';
import { WIRE_ANN_LINES, WIRE_TEXT } from '../support/brat-wire';
import { makeProject, makeUser } from '../support/fixtures';
import { sourceOf } from '../fixtures/import/source';

/**
 * A brat collection as brat writes it, through the real import into PostgreSQL: what is kept is
 * stored, what the schema cannot hold is in the report, and nothing else is lost.
 */

const db = getPrisma();
let ownerId: string;

const ANN = [...WIRE_ANN_LINES, ''].join('\n');
const ZIP = zipSync({
  'wire/wire.txt': strToU8(WIRE_TEXT),
  'wire/wire.ann': strToU8(ANN),
  'wire/annotation.conf': strToU8('[entities]\n'),
  LICENSE: strToU8('CC BY'),
});

const LABEL_MAP = { Organization: 'ORG', Person: 'PERSON', 'Merge-org': 'EVENT', Located: 'LOCATED_IN' };

async function importZip(name: string, labelMap: Record<string, string>) {
  const { id } = await makeProject(db, { OWNER: { id: ownerId } as never }, name);
  const report = await importBatch(db, [{ kind: 'file', source: sourceOf('wire.zip', ZIP, 1 << 20) }], {
    projectId: id,
    actorId: ownerId,
    author: { kind: 'gold' },
    labelMap,
  });
  const relations = await db.relation.findMany({
    where: { document: { projectId: id } },
    select: { label: { select: { key: true } }, source: { select: { quote: true, start: true } }, target: { select: { quote: true, start: true } } },
  });
  return { id, report, relations: relations.map((r) => [r.label.key, r.source.quote, r.target.quote, r.target.start]).sort() };
}

beforeAll(async () => {
  ownerId = (await makeUser(db, 'owner')).id;
});

describe('a brat zip as brat writes it', () => {
  it('keeps spans, relations and norms; skips the equivalence the schema has no label for, events and discontinuous spans, each counted', async () => {
    const { id, report, relations } = await importZip('brat without Equiv', LABEL_MAP);
    expect(report.files[0]).toMatchObject({ documents: 1, spans: 6, relations: 1 });
    expect(report.files[0]?.formatSkipped).toEqual({
      'file ignored (not .txt, .ann or .conf): LICENSE': 1,
      [BRAT_SKIPPED.event]: 1,
      [BRAT_SKIPPED.discontinuous]: 1,
      [BRAT_SKIPPED.dependent]: 1,
      [equivalenceSkipped('Equiv')]: 1,
    });
    expect(relations).toEqual([['LOCATED_IN', 'Barack Obama', 'Kabul', WIRE_TEXT.indexOf('Kabul')]]);
    const obama = await db.annotation.findFirstOrThrow({ where: { document: { projectId: id }, quote: 'Barack Obama' }, select: { attributes: true } });
    expect(obama.attributes).toMatchObject({ norm: 'Wikipedia:534366' });
  });

  it('stores the equivalence as a relation when the schema has a label for it', async () => {
    const { report, relations } = await importZip('brat with Equiv', { ...LABEL_MAP, Equiv: 'ALLY_OF' });
    expect(report.files[0]).toMatchObject({ spans: 6, relations: 2 });
    expect(report.files[0]?.formatSkipped).not.toHaveProperty(equivalenceSkipped('Equiv'));
    expect(relations).toEqual([
      ['ALLY_OF', 'Ericsson', 'Ericsson', WIRE_TEXT.indexOf('Ericsson', 30)],
      ['LOCATED_IN', 'Barack Obama', 'Kabul', WIRE_TEXT.indexOf('Kabul')],
    ]);
  });
});
