import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseBratPair, parseSource } from '@/lib/import/parsers';
import { BRAT_SKIPPED, equivalenceSkipped, IGNORED_FILE } from '@/lib/import/parsers/brat';
import { type ImportedDocument, ImportError } from '@/lib/import/types';
import { collect, covered, failure, sourceOf } from '../fixtures/import/source';
import { WIRE_ANN_LINES, WIRE_TEXT } from '../support/brat-wire';

// Before every span: a ZWJ family emoji (5 code points, 8 UTF-16 units), Urdu, and a
// decomposed "ã" (a + U+0303), so UTF-16, code point and grapheme counts all differ.
const PREFIX = '👩‍👩‍👧 اردو نیوز: ña\u0303 ';
const TEXT = `${PREFIX}Imran Khan visited Bannu at noon 🙂.`;
/** Code point offsets of `needle` in TEXT, computed independently of the parsers. */
const cp = (needle: string, text = TEXT): [number, number] => {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return [start, start + Array.from(needle).length];
};
const u16 = (needle: string, text = TEXT): [number, number] => [text.indexOf(needle), text.indexOf(needle) + needle.length];
/** A span as a parser reads it: `ref`, `label`, the first `quote` in `text` with its code point offsets, and the other fields given. */
const spanOf = (text: string, ref: string, quote: string, label: string, fields: Partial<ImportedDocument['spans'][number]>) => {
  const [start, end] = cp(quote, text);
  return { ref, start, end, label, quote, ...fields };
};
const jsonl = (...records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n');

describe('glossa jsonl', () => {
  const [imranStart, imranEnd] = cp('Imran Khan');
  const [bannuStart, bannuEnd] = cp('Bannu');
  const [visitStart, visitEnd] = cp('visited Bannu');
  const full = {
    id: 'doc-1',
    name: 'Speech',
    text: TEXT,
    metadata: { source: 'dawn' },
    label: [
      [imranStart, imranEnd, 'PER'],
      [bannuStart, bannuEnd, 'LOC'],
      [visitStart, visitEnd, 'FAVOR'],
      [visitStart, visitEnd, 'AGAINST'],
    ],
    spans: [
      { id: 's1', start: imranStart, end: imranEnd, label: 'PER', layer: 'ENTITY', quote: 'Imran Khan', author: 'gold', attributes: {} },
      { id: 's2', start: bannuStart, end: bannuEnd, label: 'LOC', layer: 'ENTITY', quote: 'Bannu', author: 'u1', attributes: { confidence: 0.8 } },
      {
        id: 's3',
        start: visitStart,
        end: visitEnd,
        label: 'FAVOR',
        layer: 'STANCE',
        quote: 'visited Bannu',
        author: 'gold',
        attributes: {},
        target: { kind: 'target', key: 'pti' },
      },
      {
        id: 's4',
        start: visitStart,
        end: visitEnd,
        label: 'AGAINST',
        layer: 'STANCE',
        quote: 'visited Bannu',
        author: 'gold',
        attributes: {},
        target: { kind: 'span', span_id: 's1' },
      },
    ],
    relations: [{ id: 'r1', label: 'LOCATED_IN', source: 's1', target: 's2', author: 'gold', attributes: {} }],
    document_labels: [
      { question: 'topic', values: ['politics'], author: 'gold' },
      { question: 'overall', target: 'pti', values: ['favor'], author: 'u1' },
    ],
  };

  it('reads spans, stance targets, relations and document labels with code point offsets', async () => {
    const minimal = { name: 'Bare', text: 'No annotations here.', spans: [] };
    const [doc, bare] = await collect(parseSource(sourceOf('export.jsonl', jsonl(full, minimal)), 'glossa'));
    const location = { file: 'export.jsonl', line: 1 };
    expect(doc?.name).toBe('Speech');
    expect(doc?.text).toBe(TEXT);
    expect(doc?.metadata).toEqual({ source: 'dawn' });
    expect(covered(doc!)).toEqual([
      ['Imran Khan', 'PER'],
      ['Bannu', 'LOC'],
      ['visited Bannu', 'FAVOR'],
      ['visited Bannu', 'AGAINST'],
    ]);
    expect(doc?.spans[1]).toEqual(spanOf(TEXT, 's2', 'Bannu', 'LOC', { layer: 'ENTITY', author: 'u1', attributes: { confidence: 0.8 }, location }));
    expect(doc?.spans[2]?.target).toBe('pti');
    expect(doc?.spans[3]?.target).toEqual({ span: 's1' });
    expect(doc?.relations).toEqual([{ label: 'LOCATED_IN', source: 's1', target: 's2', author: 'gold', attributes: {}, location }]);
    expect(doc?.documentLabels).toEqual([
      { question: 'topic', values: ['politics'], author: 'gold', location },
      { question: 'overall', target: 'pti', values: ['favor'], author: 'u1', location },
    ]);
    expect(bare).toMatchObject({ name: 'Bare', metadata: {}, spans: [], relations: [], documentLabels: [], location: { file: 'export.jsonl', line: 2 } });
  });

  it('accepts spanId for span targets', async () => {
    const record = {
      name: 'n',
      text: 'A B',
      spans: [
        { id: 'a', start: 0, end: 1, label: 'PER', quote: 'A' },
        { start: 2, end: 3, label: 'FAVOR', quote: 'B', target: { kind: 'span', spanId: 'a' } },
      ],
    };
    const [doc] = await collect(parseSource(sourceOf('x.jsonl', jsonl(record)), 'glossa'));
    expect(doc?.spans[1]?.target).toEqual({ span: 'a' });
  });

  it('reports a quote that does not match the text at its line', async () => {
    const wrong = { name: 'n', text: TEXT, spans: [{ start: bannuStart, end: bannuEnd + 3, label: 'LOC', quote: 'Bannu' }] };
    const error = await failure(parseSource(sourceOf('x.jsonl', jsonl(full, wrong)), 'glossa'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(`x.jsonl:2: span [${bannuStart},${bannuEnd + 3}) label "LOC": quote "Bannu" does not match the text "Bannu at"`);
  });

  it('rejects spans out of range, unknown fields, dangling references and a disagreeing label field', async () => {
    const length = Array.from(TEXT).length;
    const cases: [unknown, string][] = [
      [
        { name: 'n', text: TEXT, spans: [{ start: length - 1, end: length + 1, label: 'X', quote: '.' }] },
        `x.jsonl:1: span [${length - 1},${length + 1}) label "X" is not a non-empty range inside the text (${length} code points)`,
      ],
      [{ name: 'n', text: 'abc', spans: [], relation: [] }, 'x.jsonl:1: record: Unrecognized key: "relation"'],
      [{ name: 'n', text: 'abc', spans: [{ start: 0, end: 1, label: 'X', quote: 'a', colour: 'red' }] }, 'x.jsonl:1: spans[0]: Unrecognized key: "colour"'],
      [
        { name: 'n', text: 'abc', spans: [{ id: 'a', start: 0, end: 1, label: 'X', quote: 'a' }], relations: [{ label: 'R', source: 'a', target: 'zz' }] },
        'x.jsonl:1: relation "R": "zz" is not a span id of document "n"',
      ],
      [
        {
          name: 'n',
          text: 'abc',
          spans: [
            { id: 'a', start: 0, end: 1, label: 'X', quote: 'a' },
            { id: 'a', start: 1, end: 2, label: 'X', quote: 'b' },
          ],
        },
        'x.jsonl:1: span id "a" is used twice in document "n"',
      ],
      [
        { name: 'n', text: 'abc', label: [[0, 2, 'X']], spans: [{ start: 0, end: 1, label: 'X', quote: 'a' }] },
        'x.jsonl:1: the doccano-style "label" field disagrees with "spans"; edit both or drop "label"',
      ],
      [{ name: 'n', text: 'abc', spans: [{ start: 0, end: 1, label: 'X' }] }, 'x.jsonl:1: spans[0].quote: Invalid input: expected string, received undefined'],
    ];
    for (const [record, message] of cases) expect((await failure(parseSource(sourceOf('x.jsonl', jsonl(record)), 'glossa'))).message).toBe(message);
  });
});

describe('doccano', () => {
  it('reads [start, end, label] lists in code points; other fields become metadata', async () => {
    const record = {
      id: 7,
      text: TEXT,
      label: [
        [...cp('Imran Khan'), 'PER'],
        [...cp('Bannu'), 'LOC'],
      ],
      Comments: [],
    };
    const [doc] = await collect(parseSource(sourceOf('ner.jsonl', jsonl(record)), 'doccano'));
    expect(doc?.name).toBe('ner#1');
    expect(doc?.metadata).toEqual({ id: 7, Comments: [] });
    expect(covered(doc!)).toEqual([
      ['Imran Khan', 'PER'],
      ['Bannu', 'LOC'],
    ]);
    expect(doc?.spans[0]).toEqual({ start: cp('Imran Khan')[0], end: cp('Imran Khan')[1], label: 'PER', location: { file: 'ner.jsonl', line: 1 } });
  });

  it('reads entities with relations, "labels", and classification labels', async () => {
    const [imran, bannu] = [cp('Imran Khan'), cp('Bannu')];
    const records = [
      {
        text: TEXT,
        entities: [
          { id: 10, label: 'PER', start_offset: imran[0], end_offset: imran[1] },
          { id: 11, label: 'LOC', start_offset: bannu[0], end_offset: bannu[1] },
        ],
        relations: [{ id: 1, from_id: 10, to_id: 11, type: 'VISITED' }],
      },
      { text: TEXT, labels: [[...bannu, 'LOC']] },
      { text: 'Great news', label: ['positive', 'news'] },
    ];
    const [withRelations, labelsField, classified] = await collect(parseSource(sourceOf('rel.jsonl', jsonl(...records)), 'doccano'));
    expect(covered(withRelations!)).toEqual([
      ['Imran Khan', 'PER'],
      ['Bannu', 'LOC'],
    ]);
    expect(withRelations?.spans.map((s) => s.ref)).toEqual(['10', '11']);
    expect(withRelations?.relations).toEqual([{ label: 'VISITED', source: '10', target: '11', location: { file: 'rel.jsonl', line: 1 } }]);
    expect(covered(labelsField!)).toEqual([['Bannu', 'LOC']]);
    expect(classified?.spans).toEqual([]);
    expect(classified?.documentLabels).toEqual([{ question: 'label', values: ['positive', 'news'], location: { file: 'rel.jsonl', line: 3 } }]);
  });

  it('rejects offsets outside the text and malformed labels at their line', async () => {
    const records = [
      { text: 'abc', label: [] },
      { text: 'abc', label: [[2, 9, 'X']] },
    ];
    expect((await failure(parseSource(sourceOf('d.jsonl', jsonl(...records)), 'doccano'))).message).toBe(
      'd.jsonl:2: span [2,9) label "X" is not a non-empty range inside the text (3 code points)',
    );
    expect((await failure(parseSource(sourceOf('d.jsonl', jsonl({ text: 'abc', label: [[0, 'x', 'X']] })), 'doccano'))).message).toBe(
      'd.jsonl:1: label[0][1]: Invalid input: expected number, received string',
    );
    expect(
      (await failure(parseSource(sourceOf('d.jsonl', jsonl({ text: 'abc', entities: [], relations: [{ from_id: 1, to_id: 2, type: 'R' }] })), 'doccano')))
        .message,
    ).toBe('d.jsonl:1: relation "R": "1" is not a span id of document "d#1"');
  });
});

describe('label studio', () => {
  const region = (id: string, [start, end]: [number, number], label: string, text?: string) => ({
    id,
    type: 'labels',
    from_name: 'label',
    to_name: 'text',
    value: { start, end, ...(text !== undefined && { text }), labels: [label] },
  });
  const task = (id: number, at: (needle: string) => [number, number]) => ({
    id,
    data: { text: TEXT, source: 'twitter' },
    annotations: [
      {
        id: 100 + id,
        completed_by: 3,
        result: [
          region('a', at('Imran Khan'), 'PER', 'Imran Khan'),
          region('b', at('Bannu'), 'LOC', 'Bannu'),
          { id: 'b', type: 'choices', from_name: 'certainty', to_name: 'text', value: { start: at('Bannu')[0], end: at('Bannu')[1], choices: ['high'] } },
          { type: 'relation', from_id: 'b', to_id: 'a', direction: 'left', labels: ['VISITED_BY'] },
          { type: 'relation', from_id: 'a', to_id: 'b', direction: 'bi' },
          { id: 'c', type: 'choices', from_name: 'sentiment', to_name: 'text', value: { choices: ['positive'] } },
        ],
      },
    ],
    predictions: [{ model_version: 'ner-v2', result: [region('a', at('noon 🙂'), 'TIME', 'noon 🙂')] }],
  });

  it('reads a JSON array export: code point offsets (current Label Studio) and UTF-16 ones (older versions)', async () => {
    const tasks = [task(1, (needle) => cp(needle)), task(2, (needle) => u16(needle))];
    const docs = await collect(parseSource(sourceOf('project.json', JSON.stringify(tasks)), 'label-studio'));
    expect(docs).toHaveLength(2);
    for (const [index, doc] of docs.entries()) {
      const location = { file: 'project.json', record: index + 1 };
      expect(doc.name).toBe(`project#${index + 1}`);
      expect(doc.text).toBe(TEXT);
      expect(doc.metadata).toEqual({ source: 'twitter' });
      expect(covered(doc)).toEqual([
        ['Imran Khan', 'PER'],
        ['Bannu', 'LOC'],
        ['noon 🙂', 'TIME'],
      ]);
      expect(doc.spans[0]).toEqual(spanOf(TEXT, 'annotations[0]/a', 'Imran Khan', 'PER', { author: '3', location }));
      expect(doc.spans[1]?.attributes).toEqual({ certainty: ['high'] });
      expect(doc.spans[2]).toMatchObject({ ref: 'predictions[0]/a', author: 'ner-v2' });
      expect(doc.relations).toEqual([
        { label: 'VISITED_BY', source: 'annotations[0]/a', target: 'annotations[0]/b', author: '3', location },
        { label: 'RELATED', source: 'annotations[0]/a', target: 'annotations[0]/b', attributes: { direction: 'bi' }, author: '3', location },
      ]);
      expect(doc.documentLabels).toEqual([{ question: 'sentiment', values: ['positive'], author: '3', location }]);
    }
  });

  it('reads JSON Lines and a single task object; the text may be any string field', async () => {
    const line = {
      id: 5,
      data: { body: 'Hello Bannu', lang: 'en' },
      annotations: [{ completed_by: { id: 2, email: 'a@x.org' }, result: [region('r', [6, 11], 'LOC', 'Bannu')] }],
    };
    const [fromLines] = await collect(parseSource(sourceOf('tasks.jsonl', jsonl(line)), 'label-studio'));
    expect(fromLines).toMatchObject({ name: 'tasks#5', text: 'Hello Bannu', metadata: { lang: 'en' }, location: { file: 'tasks.jsonl', line: 1 } });
    expect(fromLines?.spans[0]?.author).toBe('a@x.org');
    const [single] = await collect(parseSource(sourceOf('task.json', JSON.stringify({ data: { text: 'Hi' } })), 'label-studio'));
    expect(single).toMatchObject({ name: 'task#1', text: 'Hi', spans: [] });
  });

  it('reports a quote mismatch, with the record and the result', async () => {
    const [start, end] = cp('Bannu');
    const tasks = [task(1, (needle) => cp(needle)), { data: { text: TEXT }, annotations: [{ result: [region('x', [start, end + 3], 'LOC', 'Bannu')] }] }];
    const error = await failure(parseSource(sourceOf('p.json', JSON.stringify(tasks)), 'label-studio'));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).location).toEqual({ file: 'p.json', record: 2 });
    expect((error as ImportError).reason).toBe(
      `annotations[0].result[0], offsets read as code points (as UTF-16 units they do not fit either): ` +
        `span [${start},${end + 3}) label "LOC": quote "Bannu" does not match the text "Bannu at"`,
    );
  });

  it('rejects unsupported result types, several labels per region and tasks without text', async () => {
    const bad = (result: unknown) => JSON.stringify([{ data: { text: 'abc' }, annotations: [{ result: [result] }] }]);
    expect((await failure(parseSource(sourceOf('p.json', bad({ type: 'rating', value: { rating: 3 } })), 'label-studio'))).message).toBe(
      'p.json (record 1): annotations[0].result[0]: result type "rating" is not supported (labels, choices, relation)',
    );
    expect(
      (await failure(parseSource(sourceOf('p.json', bad({ id: 'r', type: 'labels', value: { start: 0, end: 1, labels: ['A', 'B'] } })), 'label-studio')))
        .message,
    ).toBe('p.json (record 1): annotations[0].result[0].value.labels: a region with several labels cannot be one span; give it one label');
    expect((await failure(parseSource(sourceOf('p.json', JSON.stringify([{ data: { n: 1 } }])), 'label-studio'))).message).toBe(
      'p.json (record 1): data: no text field (Label Studio JSON: the task\'s data needs "text" or another string field; export the project ' +
        'with its text data)',
    );
    expect((await failure(parseSource(sourceOf('p.json', '[{"data": '), 'label-studio'))).message).toMatch(/^p\.json: not valid JSON/);
  });
});

describe('brat', () => {
  const txt = `${PREFIX}Imran Khan\nvisited Bannu at noon.\n`;
  const at = (needle: string) => cp(needle, txt);
  const [imranStart, imranEnd] = at('Imran Khan');
  const [visitedStart, visitedEnd] = at('visited');
  const [bannuStart, bannuEnd] = at('Bannu');
  const ann = [
    `T1\tPER ${imranStart} ${imranEnd}\tImran Khan`,
    `T2\tLOC ${bannuStart} ${bannuEnd}\tBannu`,
    `T3\tFAVOR ${at('Khan')[0]} ${imranEnd};${visitedStart} ${visitedEnd}\tKhan visited`,
    `T4\tAGAINST ${bannuStart} ${bannuEnd}\tBannu`,
    'R1\tVISITED Arg1:T1 Arg2:T2',
    'R2\tStanceTarget Arg1:T3 Arg2:T1',
    'A1\ttarget T4 pti',
    'A2\tNegated T2',
    'A3\tAuthor T2 u7',
    'M4\tCertainty R1 High',
    '#1\tAnnotatorNotes T1\t{"confidence":0.9}',
    '#2\tAnnotatorNotes T2\tcheck the spelling',
    'N1\tReference T1 Wikipedia:123\tImran Khan',
    '*\tEquiv T1 T2',
    '*\tEquiv T2 T4',
    '',
  ].join('\r\n');

  it('reads a .txt/.ann pair: spans, line-crossing spans, relations, targets, attributes, notes', async () => {
    const [doc] = await collect(parseBratPair(sourceOf('speech.txt', txt), sourceOf('speech.ann', ann)));
    const location = (line: number) => ({ file: 'speech.ann', line });
    expect(doc?.name).toBe('speech');
    expect(doc?.text).toBe(txt);
    expect(covered(doc!)).toEqual([
      ['Imran Khan', 'PER'],
      ['Bannu', 'LOC'],
      ['Khan\nvisited', 'FAVOR'],
      ['Bannu', 'AGAINST'],
    ]);
    expect(doc?.spans[0]).toEqual(spanOf(txt, 'T1', 'Imran Khan', 'PER', { attributes: { confidence: 0.9, norm: 'Wikipedia:123' }, location: location(1) }));
    expect(doc?.spans[1]).toEqual(
      spanOf(txt, 'T2', 'Bannu', 'LOC', { author: 'u7', attributes: { Negated: true, note: 'check the spelling' }, location: location(2) }),
    );
    expect(doc?.spans[2]).toMatchObject({ quote: 'Khan\nvisited', target: { span: 'T1' } });
    expect(doc?.spans[3]?.target).toBe('pti');
    expect(doc?.relations).toEqual([
      { label: 'VISITED', source: 'T1', target: 'T2', attributes: { Certainty: 'High' }, location: location(5) },
      { label: 'Equiv', source: 'T1', target: 'T2', location: location(14), unlessLabelMissing: equivalenceSkipped('Equiv') },
      { label: 'Equiv', source: 'T2', target: 'T4', location: location(15), unlessLabelMissing: equivalenceSkipped('Equiv') },
    ]);
    expect(doc?.skipped).toBeUndefined();
  });

  // brat's example wire (tests/support/brat-wire.ts) with the rest of brat's grammar after it: a second attribute and norm, notes, lines on T7.
  it("reads brat's whole grammar: R lines ending in a TAB, N, *, other # notes; events and discontinuous spans skipped and counted", async () => {
    const brat = [
      ...WIRE_ANN_LINES,
      'M2\tSpeculation E1',
      'N2\tReference T4 Wikidata:Q76\tBarack Obama',
      'A3\tCategory T7 Merged',
      'R2\tPart-of Arg1:T6 Arg2:T7\t',
      '#1\tAnnotatorNotes T4\tthe 44th president',
      '#2\tAnnotationError T5\tcheck the offsets',
      'N3\tReference T5 GeoNames:1138958\tKabul',
      '',
    ].join('\n');
    const [doc] = await collect(parseBratPair(sourceOf('wire.txt', WIRE_TEXT), sourceOf('wire.ann', brat)));
    expect(covered(doc!)).toEqual([
      ['Sony', 'Organization'],
      ['Ericsson', 'Organization'],
      ['merged', 'Merge-org'],
      ['Barack Obama', 'Person'],
      ['Kabul', 'GPE'],
      ['Ericsson', 'Organization'],
    ]);
    expect(doc?.spans[3]?.attributes).toEqual({ note: 'the 44th president', norm: ['Wikipedia:534366', 'Wikidata:Q76'] });
    expect(doc?.spans[4]?.attributes).toEqual({ AnnotationError: 'check the offsets', norm: 'GeoNames:1138958' });
    expect(doc?.relations.map((r) => [r.label, r.source, r.target, r.unlessLabelMissing])).toEqual([
      ['Located', 'T4', 'T5', undefined],
      ['Equiv', 'T2', 'T6', equivalenceSkipped('Equiv')],
    ]);
    // E1; T7; A1 and M2 on E1, A3 and R2 on T7.
    expect(doc?.skipped).toEqual({ [BRAT_SKIPPED.event]: 1, [BRAT_SKIPPED.discontinuous]: 1, [BRAT_SKIPPED.dependent]: 4 });
  });

  it('reads a zip of pairs in folders, skipping .conf files; a .txt without .ann has no annotations', async () => {
    const zip = zipSync({
      'corpus/annotation.conf': strToU8('[entities]\nPER\n'),
      'corpus/visual.conf': strToU8(''),
      'corpus/train/a.txt': strToU8('Imran Khan spoke.'),
      'corpus/train/a.ann': strToU8('T1\tPER 0 10\tImran Khan\n'),
      'corpus/test/b.txt': strToU8('اردو 🙂 Bannu'),
      'corpus/test/': new Uint8Array(),
    });
    const docs = await collect(parseSource(sourceOf('corpus.zip', zip, 1000), 'brat'));
    expect(docs.map((d) => [d.name, d.text, covered(d), d.location])).toEqual([
      ['corpus/train/a', 'Imran Khan spoke.', [['Imran Khan', 'PER']], { file: 'corpus.zip/corpus/train/a.ann' }],
      ['corpus/test/b', 'اردو 🙂 Bannu', [], { file: 'corpus.zip/corpus/test/b.txt' }],
    ]);
  });

  it('rejects bad lines with the .ann line number', async () => {
    const pair = (annText: string) => failure(parseBratPair(sourceOf('d.txt', 'Bannu at noon\nand then'), sourceOf('d.ann', annText)));
    expect((await pair('T1\tLOC 0 5\tBannu\nT2\tLOC 0 8\tBannu\n')).message).toBe(
      'd.ann:2: T2: span [0,8) label "LOC": quote "Bannu" does not match the text "Bannu at"',
    );
    expect((await pair('T1\tLOC 6 8;0 5\tat Bannu\n')).message).toBe('d.ann:1: T1: fragments 6 8;0 5 must be in order and must not touch or overlap');
    expect((await pair('T1\tLOC 0 5;9 13\tBannu at\n')).message).toBe(
      'd.ann:1: T1: span [0,13) label "LOC": quote "Bannu at" does not match the text "Bannu noon"',
    );
    expect((await pair('T1\tLOC 0 50\tBannu\n')).message).toBe(
      'd.ann:1: T1: span [0,50) label "LOC" is not a non-empty range inside the text (22 code points)',
    );
    expect((await pair('T1\tLOC 0 5\tBannu\nX1\tVisit:T1\n')).message).toBe('d.ann:2: X1: unknown brat annotation kind (expected T, R, E, A, M, N, # or *)');
    expect((await pair('T1\tLOC 0 5\tBannu\nN1\tReference T1 534366\tBannu\n')).message).toBe(
      'd.ann:2: N1: expected a brat normalization "Reference ID RID:EID<TAB>text"',
    );
    expect((await pair('T1\tLOC 0 5\tBannu\n*\tEquiv T1 T8\n')).message).toBe(
      'd.ann:2: *: T8 is not a T annotation of this file (brat: every argument must be a T line of the same .ann)',
    );
    expect((await pair('T1\tLOC 0 5\tBannu\nR1\tNEAR Arg1:T1 Arg2:T9\n')).message).toBe(
      'd.ann:2: R1: T9 is not a T annotation of this file (brat: every argument must be a T line of the same .ann)',
    );
    expect((await pair('T1\tLOC 0 5\tBannu\nT1\tLOC 0 5\tBannu\n')).message).toBe(
      'd.ann:2: annotation id T1 is used twice; give every annotation of the file its own id',
    );
  });

  it('rejects an orphan .ann; names each file that is not .txt/.ann/.conf as ignored, once', async () => {
    const orphan = zipSync({ 'x.ann': strToU8('T1\tPER 0 1\ta\n') });
    expect((await failure(parseSource(sourceOf('c.zip', orphan), 'brat'))).message).toBe(
      'c.zip/x.ann: has no .txt file beside it (brat keeps each document as x.txt + x.ann in the same folder): add the .txt or remove the .ann',
    );
    // NCBI-disease's shape: the corpus with its README and LICENSE; and a .TXT brat would not read either.
    const extra = zipSync({
      'README.md': strToU8('# corpus'),
      'corpus/LICENSE': strToU8('CC BY'),
      'corpus/x.txt': strToU8('a'),
      'corpus/y.txt': strToU8('b'),
      'corpus/Z.TXT': strToU8('c'),
      'annotation.conf': strToU8('[entities]'),
    });
    const documents = await collect(parseSource(sourceOf('c.zip', extra), 'brat'));
    expect(documents.map((doc) => [doc.name, doc.skipped])).toEqual([
      ['corpus/x', { [`${IGNORED_FILE}README.md`]: 1, [`${IGNORED_FILE}corpus/LICENSE`]: 1, [`${IGNORED_FILE}corpus/Z.TXT`]: 1 }],
      ['corpus/y', undefined],
    ]);
    expect((await failure(parseSource(sourceOf('c.zip', 'not a zip'), 'brat'))).message).toMatch(/^c\.zip: not a readable zip archive/);
  });
});

describe('conll', () => {
  const conll = [
    '-DOCSTART- -X- -X- O',
    '',
    'EU NNP B-NP B-ORG',
    'rejects VBZ B-VP O',
    'German JJ B-NP B-MISC',
    'call NN I-NP O',
    '',
    'Peter NNP B-NP B-PER',
    'Blackburn NNP I-NP I-PER',
    '',
    '-DOCSTART- -X- -X- O',
    '',
    'اردو\tI-LOC',
    'نیوز\tI-LOC',
    'ña\u0303\tI-PER',
    '🙂\tO',
    'BRUSSELS\tB-LOC',
    '1996-08-22\tI-PER',
  ].join('\n');

  it('rebuilds the text (tokens joined by spaces, sentences by newlines) and BIO/IOB1 spans in code points', async () => {
    const docs = await collect(parseSource(sourceOf('news.conll', conll), 'conll'));
    expect(docs.map((doc) => [doc.name, doc.text, covered(doc)])).toEqual([
      [
        'news#1',
        'EU rejects German call\nPeter Blackburn',
        [
          ['EU', 'ORG'],
          ['German', 'MISC'],
          ['Peter Blackburn', 'PER'],
        ],
      ],
      [
        'news#2',
        'اردو نیوز ña\u0303 🙂 BRUSSELS 1996-08-22',
        [
          ['اردو نیوز', 'LOC'],
          ['ña\u0303', 'PER'],
          ['BRUSSELS', 'LOC'],
          ['1996-08-22', 'PER'],
        ],
      ],
    ]);
    expect(docs[0]?.spans[2]?.location).toEqual({ file: 'news.conll', line: 8 });
  });

  it('reads BIOES, one document without -DOCSTART-, and CoNLL-U', async () => {
    const [bioes] = await collect(parseSource(sourceOf('x.bio', 'New B-LOC\nYork E-LOC\nis O\nbig S-ADJ\nvery E-ADV\n'), 'conll'));
    expect(bioes?.name).toBe('x');
    expect(covered(bioes!)).toEqual([
      ['New York', 'LOC'],
      ['big', 'ADJ'],
      ['very', 'ADV'],
    ]);
    const conllu =
      '# sent_id = 1\n# text = Imran ' +
      'spoke.\n1\tImran\tImran\tPROPN\t_\t_\t2\tnsubj\t_\tNER=B-PER\n2-3\tspoke.\t_\t_\t_\t_\t_\t_\t_\t_\n' +
      '2\tspoke\tspeak\tVERB\t_\t_\t0\troot\t_\t_\n3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\tNER=O\n';
    const [doc] = await collect(parseSource(sourceOf('ud.conllu', conllu), 'conllu'));
    // The multi-word token 2-3 is kept whole, with its surface form.
    expect(doc?.text).toBe('Imran spoke.');
    expect(covered(doc!)).toEqual([['Imran', 'PER']]);
  });

  it('rejects bad tags and tagless tokens at their line, and files without tokens', async () => {
    expect((await failure(parseSource(sourceOf('x.conll', 'EU B-ORG\nrejects X-Y\n'), 'conll'))).message).toBe(
      'x.conll:2: tag "X-Y" is not O, B-<type>, I-<type>, E-<type> or S-<type>',
    );
    expect((await failure(parseSource(sourceOf('x.conll', 'EU B-ORG\n\nrejects\n'), 'conll'))).message).toBe(
      'x.conll:3: expected a token and a tag separated by whitespace (CoNLL: the token first, the BIO tag last)',
    );
    expect((await failure(parseSource(sourceOf('x.conll', '\n\n'), 'conll'))).message).toBe('x.conll: the file has no tokens');
    expect((await failure(parseSource(sourceOf('x.conll', '-DOCSTART- O\n\na O\n-DOCSTART- O\n'), 'conll'))).message).toBe(
      'x.conll:4: document "x#2" has no text',
    );
  });
});
