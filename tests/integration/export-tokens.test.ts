import { beforeAll, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { exportProject } from '@/lib/export/run';
import { readExportDocuments } from '@/lib/export/source';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { tokenize } from '@/lib/tokenize';
import { makeProject, makeUser } from '../support/fixtures';

/**
 * CoNLL reads the tokens stored with each document at import instead of tokenizing again; the
 * output is the same bytes as tokenizing, which documents without current tokens still do.
 */

const db = getPrisma();
let projectId: string;

beforeAll(async () => {
  const owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner }, 'Tokens')).id;
  const texts = [
    '👍🏽 Officials in Doha met the Afghan Taliban.\n\nپاکستان said Kabul must act. 🇵🇰 Doha again!',
    'Talks in Doha (again) — "in Doha", said Kabul.',
  ];
  const documents: ImportedDocument[] = texts.map((text, index) => {
    const location = { file: 'fixture' };
    const spans = [...text.matchAll(/Doha|Kabul/g)].map((match) => {
      const start = Array.from(text.slice(0, match.index)).length;
      return { start, end: start + match[0].length, label: 'GPE', quote: match[0], location };
    });
    return { name: `report-${index}`, text, metadata: {}, spans, relations: [], documentLabels: [], location };
  });
  await importBatch(db, [{ kind: 'parsed', name: 'fixture', format: 'json', documents }], { projectId, actorId: owner.id, author: { kind: 'gold' } });
});

const conll = async () => {
  const { stream } = await exportProject(db, projectId, { format: 'conll', source: { kind: 'gold' }, baseUrl: 'http://localhost' });
  return new Response(stream).text();
};

describe('conll export with stored tokens', () => {
  it('writes the same bytes from stored tokens as from tokenizing', async () => {
    const read = [];
    for await (const doc of readExportDocuments({ projectId, source: { kind: 'gold' }, filters: {} }, { tokens: true })) read.push(doc);
    expect(read).toHaveLength(2);
    for (const doc of read) expect(doc.sentences).toEqual(tokenize(doc.text));
    const fromStored = await conll();
    expect(fromStored).toContain('Doha\tB-GPE\n');
    await db.document.updateMany({ where: { projectId }, data: { tokenizer: null } });
    expect(await conll()).toBe(fromStored);
  });
});
