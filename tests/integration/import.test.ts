import { beforeEach, describe, expect, it } from 'vitest';
import { getPrisma } from '@/lib/db/client';
import { sliceByCodePoints } from '@/lib/offsets';
import { call } from '../support/api';
import { makeTeam, type TestUser } from '../support/fixtures';

const db = getPrisma();
let owner: TestUser, annotator: TestUser, projectId: string;

beforeEach(async () => {
  ({ owner, annotator, projectId } = await makeTeam(db, { annotator: 'ANNOTATOR' }));
});

const URDU = 'پاکستان کے وزیر اعظم 👩‍👩‍👧 نے کہا';
// "Bannu" after an emoji and Urdu text: offsets must be code points.
const TEXT = `${URDU}\nAttack in Bannu by the Hafiz Gul Bahadur group.`;
const at = (needle: string) => {
  const chars = Array.from(TEXT);
  const u16 = TEXT.indexOf(needle);
  const start = Array.from(TEXT.slice(0, u16)).length;
  return { start, end: start + Array.from(needle).length, quote: needle, chars: chars.length };
};

async function counts() {
  const [documents, annotations, relations, events] = await Promise.all([
    db.document.count({ where: { projectId } }),
    db.annotation.count({ where: { document: { projectId } } }),
    db.relation.count({ where: { document: { projectId } } }),
    db.event.count({ where: { projectId } }),
  ]);
  return { documents, annotations, relations, events };
}

function post(body: unknown, query = '', token = owner.token) {
  return call('POST', `/projects/{id}/documents${query}`, { id: projectId }, { token, body });
}

describe('document import', () => {
  it('stores JSON documents with code-point spans, quotes, stance targets and events', async () => {
    const bannu = at('Bannu');
    const group = at('Hafiz Gul Bahadur group');
    const person = at('Hafiz Gul Bahadur');
    const response = await post({
      documents: [
        {
          name: 'op-ed',
          text: TEXT,
          metadata: { source: 'test' },
          spans: [
            { id: 'g', start: group.start, end: group.end, label: 'ORG', quote: group.quote },
            { start: person.start, end: person.end, label: 'PERSON' },
            { start: bannu.start, end: bannu.end, label: 'GPE', quote: 'Bannu' },
            { start: group.start, end: group.end, label: 'AGAINST', target: { span: 'g' } },
            { start: 0, end: 7, label: 'FAVOR', layer: 'STANCE', target: 'Afghan Taliban' },
          ],
        },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.documentCount).toBe(1);
    expect(response.body.files[0]).toMatchObject({ file: 'request body', documents: 1, spans: 5 });

    const document = await db.document.findFirstOrThrow({ where: { projectId }, include: { annotations: { include: { label: true, target: true } } } });
    expect(document.text).toBe(TEXT.normalize('NFC'));
    for (const annotation of document.annotations) {
      expect(sliceByCodePoints(document.text, annotation.start, annotation.end)).toBe(annotation.quote);
      expect(annotation.authorId).toBe(owner.id);
      expect(annotation.origin).toBe('IMPORTED');
    }
    const stance = document.annotations.filter((a) => a.label.layer === 'STANCE');
    expect(stance.map((s) => s.target?.name ?? s.targetAnnotationId)).toEqual(expect.arrayContaining(['Afghan Taliban', expect.any(String)]));
    expect(await db.event.count({ where: { projectId, action: 'CREATE', entity: 'ANNOTATION' } })).toBe(5);
  });

  it('rejects the whole batch when one record is wrong, naming record and reason', async () => {
    const before = await counts();
    const response = await post({
      documents: [
        { name: 'fine', text: 'A fine document about Bannu.' },
        { name: 'broken', text: TEXT, spans: [{ start: at('Bannu').start, end: at('Bannu').end, label: 'GPE', quote: 'Banu' }] },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('import_rejected');
    expect(response.body.error.details.problemsTotal).toBe(1);
    expect(response.body.error.details.problems).toEqual([
      { file: 'request body', record: 2, reason: expect.stringMatching(/^span \[\d+,\d+\) "GPE": .*quote/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports labels that are not in the schema, maps them when asked, skips them when told', async () => {
    const doc = { name: 'x', text: 'Talks in Doha.', spans: [{ start: 9, end: 13, label: 'CITY' }] };
    const rejected = await post({ documents: [doc] });
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.details.problems[0].reason).toContain('label "CITY" is not in the project schema');

    const mapped = await post({ documents: [doc] }, `?labelMap=${encodeURIComponent(JSON.stringify({ CITY: 'GPE' }))}`);
    expect(mapped.status, JSON.stringify(mapped.body)).toBe(201);
    expect(await db.annotation.findFirstOrThrow({ where: { document: { projectId } }, include: { label: true } })).toMatchObject({
      quote: 'Doha',
      label: { key: 'GPE' },
    });

    const skipped = await post({ documents: [{ ...doc, name: 'y', text: 'Talks in Doha again.' }] }, '?unknownLabels=skip');
    expect(skipped.status).toBe(201);
    expect(skipped.body.files[0].unknownLabelsSkipped).toEqual({ CITY: 1 });
  });

  it('skips duplicate texts unless asked, and reports them', async () => {
    await post({ documents: [{ name: 'a', text: 'Same text.' }] });
    const again = await post({
      documents: [
        { name: 'b', text: 'Same text.' },
        { name: 'c', text: 'Same text.\r\n'.trim() },
      ],
    });
    expect(again.status).toBe(201);
    expect(again.body.documentCount).toBe(0);
    expect(again.body.files[0].duplicatesSkipped.map((d: { name: string }) => d.name)).toEqual(['b', 'c']);
    const allowed = await post({ documents: [{ name: 'b', text: 'Same text.' }] }, '?allowDuplicates=true');
    expect(allowed.body.documentCount).toBe(1);
  });

  it('normalises CRLF and decomposed characters and remaps offsets', async () => {
    const text = 'Cafe\u0301 talks\r\nin Bannu';
    // Source offsets refer to the raw text: "Bannu" starts at code point 16.
    const response = await post({
      documents: [
        {
          name: 'n',
          text,
          spans: [
            { start: 16, end: 21, label: 'GPE', quote: 'Bannu' },
            { start: 0, end: 5, label: 'ORG', quote: 'Cafe\u0301' },
          ],
        },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const stored = await db.document.findFirstOrThrow({ where: { projectId }, include: { annotations: { orderBy: { start: 'asc' } } } });
    expect(stored.text).toBe('Café talks\nin Bannu');
    expect(stored.annotations.map((a) => [a.start, a.end, a.quote])).toEqual([
      [0, 4, 'Café'],
      [14, 19, 'Bannu'],
    ]);
  });

  it('imports a doccano JSONL body streamed with ?format=doccano', async () => {
    const lines = [
      JSON.stringify({ text: `${URDU} Bannu`, label: [[Array.from(URDU).length + 1, Array.from(URDU).length + 6, 'GPE']], source: 'doccano' }),
      JSON.stringify({ text: 'Second line document.', label: [] }),
    ];
    const response = await call(
      'POST',
      '/projects/{id}/documents?format=doccano',
      { id: projectId },
      { token: owner.token, rawBody: `${lines.join('\n')}\n`, contentType: 'application/x-ndjson' },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.documentCount).toBe(2);
    expect((await db.annotation.findFirstOrThrow({ where: { document: { projectId } } })).quote).toBe('Bannu');
  });

  it('imports multipart files: text, CSV and a brat pair, reporting per file', async () => {
    const form = new FormData();
    form.append('file', new File(['A plain text file.\n\nSecond paragraph.'], 'note.txt'));
    form.append('file', new File(['name,text,date\none,"Text, with comma",2025-01-01\ntwo,Second row,2025-01-02\n'], 'rows.csv'));
    form.append('file', new File(['Attack in Bannu.'], 'b.txt'));
    form.append('file', new File(['T1\tGPE 10 15\tBannu\n'], 'b.ann'));
    const response = await callMultipart(form);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.files.map((f: { file: string; format: string; documents: number }) => [f.file, f.format, f.documents])).toEqual([
      ['b.txt + b.ann', 'brat', 1],
      ['note.txt', 'txt', 1],
      ['rows.csv', 'csv', 2],
    ]);
    const row = await db.document.findFirstOrThrow({ where: { projectId, name: 'one' } });
    expect(row.metadata).toMatchObject({ date: '2025-01-01' });
  });

  it('lists a file of an unknown type as a problem and imports nothing', async () => {
    const form = new FormData();
    form.append('file', new File(['fine'], 'ok.txt'));
    form.append('file', new File(['<x/>'], 'data.xml'));
    const response = await callMultipart(form);
    expect(response.status).toBe(422);
    expect(response.body.error.details.problems).toEqual([expect.objectContaining({ file: 'data.xml', reason: expect.stringContaining('.txt') })]);
    expect(await db.document.count({ where: { projectId } })).toBe(0);
  });

  it('lets only managers import, and only curators and up import into gold', async () => {
    const denied = await post({ documents: [{ name: 'x', text: 'x' }] }, '', annotator.token);
    expect(denied.status).toBe(403);
    const gold = await post({ documents: [{ name: 'g', text: 'Gold in Doha.', spans: [{ start: 8, end: 12, label: 'GPE' }] }] }, '?author=gold');
    expect(gold.status).toBe(201);
    expect((await db.annotation.findFirstOrThrow({ where: { document: { projectId } } })).authorId).toBeNull();
  });

  it('rejects bad options and bodies precisely', async () => {
    expect((await post({ documents: [] })).status).toBe(400);
    expect((await post({ documents: [{ name: 'x', text: 'x' }] }, '?format=xml')).body.error.details[0].path).toBe('query.format');
    expect((await post({ documents: [{ name: 'x', text: 'x' }] }, '?labelMap=notjson')).body.error.details[0].message).toContain(
      'labelMap must be a JSON object',
    );
    const text = await call('POST', '/projects/{id}/documents', { id: projectId }, { token: owner.token, rawBody: 'hello', contentType: 'text/plain' });
    expect(text.status).toBe(415);
  });
});

async function callMultipart(form: FormData) {
  const { POST } = await import('@/app/api/v1/projects/[id]/documents/route');
  const request = new Request(`http://localhost/api/v1/projects/${projectId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}` },
    body: form,
  });
  const response = await POST(request, { params: Promise.resolve({ id: projectId }) });
  return { status: response.status, body: await response.json() };
}
