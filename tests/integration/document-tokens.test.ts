import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { importBatch } from '@/lib/import/service';
import type { ImportedDocument } from '@/lib/import/types';
import { loadReportInput } from '@/lib/review/load';
import { storedTokens, tokenize, TOKENIZER_VERSION } from '@/lib/tokenize';
import { makeProject, makeUser, type TestUser } from '../support/fixtures';

const db = getPrisma();
const location = { file: 'fixture' };
const TEXTS = [
  'Talks between Pakistan and the Afghan Taliban ended in Doha. An attack in Bannu killed six soldiers.\n\nThe army said: "We will respond."',
  "👍🏽 Talks in Doha 🇵🇰: Pakistan's army.\nامن ہمارا حق ہے۔ سوله",
];
let owner: TestUser;
let projectId: string;

beforeEach(async () => {
  owner = await makeUser(db, 'owner');
  projectId = (await makeProject(db, { OWNER: owner })).id;
});

const imported = (text: string, index: number): ImportedDocument => ({
  name: `d${index}`,
  text,
  metadata: {},
  spans: [],
  relations: [],
  documentLabels: [],
  location,
});

const storedRows = () =>
  db.document.findMany({
    where: { projectId },
    orderBy: { position: 'asc' },
    select: { id: true, text: true, tokenOffsets: true, sentenceStarts: true, tokenizer: true },
  });

describe('token boundaries stored per document', () => {
  it('are written at import and are exactly lib/tokenize’s tokens and sentences', async () => {
    await importBatch(db, [{ kind: 'parsed', name: 'fixture', format: 'json', documents: TEXTS.map(imported) }], {
      projectId,
      actorId: owner.id,
      author: { kind: 'gold' },
    });
    const rows = await storedRows();
    expect(rows).toHaveLength(TEXTS.length);
    for (const row of rows) {
      expect(row.tokenizer).toBe(TOKENIZER_VERSION);
      const sentences = tokenize(row.text);
      expect(row.tokenOffsets).toEqual(sentences.flatMap((s) => s.tokens.flatMap((t) => [t.start, t.end])));
      const points = Array.from(row.text);
      const rebuilt = row.sentenceStarts.map((first, i) => {
        const last = (row.sentenceStarts[i + 1] ?? row.tokenOffsets.length / 2) - 1;
        const tokens = [];
        for (let t = first; t <= last; t++) {
          const [start, end] = [row.tokenOffsets[2 * t]!, row.tokenOffsets[2 * t + 1]!];
          tokens.push({ text: points.slice(start, end).join(''), start, end });
        }
        return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens };
      });
      expect(rebuilt).toEqual(sentences);
    }
    expect(TOKENIZER_VERSION).toContain(process.versions.icu!);
  });

  it('are computed when missing or made by another tokenizer version, written back, and then read as stored', async () => {
    await importBatch(db, [{ kind: 'parsed', name: 'fixture', format: 'json', documents: TEXTS.map(imported) }], {
      projectId,
      actorId: owner.id,
      author: { kind: 'gold' },
    });
    const [first] = await storedRows();
    await db.document.update({ where: { id: first!.id }, data: { tokenOffsets: [0, 1], sentenceStarts: [0], tokenizer: 'glossa-0+icu-1.0' } });
    // A document created outside the import, as rows were before tokens were stored.
    const raw = await db.document.create({
      data: { projectId, name: 'raw', text: 'Kabul and Islamabad.', sha256: 'raw', position: 2 },
      select: { id: true, tokenOffsets: true, tokenizer: true },
    });
    expect(raw).toMatchObject({ tokenOffsets: [], tokenizer: null });

    const input = await loadReportInput(db, projectId, 'all');
    for (const document of input.documents) expect(document.tokenOffsets).toEqual(storedTokens(document.text).tokenOffsets);
    for (const row of await storedRows()) {
      expect(row).toMatchObject({ ...storedTokens(row.text), tokenizer: TOKENIZER_VERSION });
    }

    // Stored tokens are trusted once current: a marked row is read back as it is.
    await db.document.update({ where: { id: raw.id }, data: { tokenOffsets: [0, 5] } });
    const again = await loadReportInput(db, projectId, 'all');
    expect(again.documents.find((d) => d.id === raw.id)?.tokenOffsets).toEqual([0, 5]);
  });
});
