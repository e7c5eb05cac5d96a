import { describe, expect, it } from 'vitest';
import { detectFormat, parseSource } from '@/lib/import/parsers';
import { ImportError, type ParseOptions } from '@/lib/import/types';
import { collect, covered, failure, sourceOf } from '../fixtures/import/source';
import { bytes } from '../support/bytes';

/** Format variants other tools really write (issue #16 items 6, 7, 11), in small files of their shape. */

const jsonl = (...records: unknown[]) => `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
const region = (id: string, start: number, end: number, label: string, text?: string) => ({
  id,
  from_name: 'label',
  to_name: 'text',
  type: 'labels',
  value: { start, end, ...(text !== undefined && { text }), labels: [label] },
});

describe('Label Studio variants', () => {
  it('reads Label Studio 0.x tasks, whose annotations are called "completions", and names the variant', async () => {
    const tasks = [
      {
        id: 7,
        data: { text: 'Imran Khan spoke in Lahore.' },
        completions: [{ completed_by: 2, result: [region('a', 0, 10, 'PERSON', 'Imran Khan'), region('b', 20, 26, 'GPE')] }],
      },
      { id: 8, data: { text: 'Rain in Quetta.' }, completions: [{ result: [region('a', 8, 14, 'GPE', 'Quetta')] }] },
    ];
    const docs = await collect(parseSource(sourceOf('ls-0.x.json', JSON.stringify(tasks)), 'label-studio'));
    expect(docs.map((doc) => doc.variant)).toEqual(['label-studio 0.x (completions)', 'label-studio 0.x (completions)']);
    expect(docs.map(covered)).toEqual([
      [
        ['Imran Khan', 'PERSON'],
        ['Lahore', 'GPE'],
      ],
      [['Quetta', 'GPE']],
    ]);
    expect(docs[0]!.spans.map((span) => [span.ref, span.author])).toEqual([
      ['completions[0]/a', '2'],
      ['completions[0]/b', '2'],
    ]);
  });

  it('reads JSON-MIN records: regions and multiple choices in fields named by the control tag, the annotator as author', async () => {
    const records = [
      {
        text: 'The TTP attacked Bannu.',
        source: 'dawn',
        id: 12,
        label: [
          { start: 4, end: 7, text: 'TTP', labels: ['ORG'] },
          { start: 17, end: 22, text: 'Bannu', labels: ['GPE'] },
        ],
        topics: { choices: ['security', 'politics'] },
        annotator: 'amna@example.org',
        annotation_id: 31,
        created_at: '2024-02-01T10:00:00Z',
        updated_at: '2024-02-01T10:05:00Z',
        lead_time: 41.5,
      },
    ];
    const [doc] = await collect(parseSource(sourceOf('min.json', JSON.stringify(records)), 'label-studio'));
    expect(doc!.variant).toBe('label-studio (JSON-MIN)');
    expect(doc!.name).toBe('min#12');
    expect(covered(doc!)).toEqual([
      ['TTP', 'ORG'],
      ['Bannu', 'GPE'],
    ]);
    expect(doc!.spans.map((span) => span.author)).toEqual(['amna@example.org', 'amna@example.org']);
    expect(doc!.documentLabels).toMatchObject([{ question: 'topics', values: ['security', 'politics'], author: 'amna@example.org' }]);
    expect(doc!.metadata).toEqual({
      source: 'dawn',
      id: 12,
      annotation_id: 31,
      created_at: '2024-02-01T10:00:00Z',
      updated_at: '2024-02-01T10:05:00Z',
      lead_time: 41.5,
    });
  });

  it('refuses a JSON-MIN region with a bad range, naming the field and the record', async () => {
    const error = await failure(
      parseSource(sourceOf('min.json', JSON.stringify([{ text: 'short', label: [{ start: 2, end: 40, labels: ['ORG'] }] }])), 'label-studio'),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('min.json (record 1): label[0]: span [2,40) label "ORG" is not a non-empty range inside the text (5 code points)');
  });

  // "😀" is 1 code point and 2 UTF-16 units: every offset after it differs by one between the units.
  const TEXT = 'Great 😀 rally in Peshawar today';
  const PESHAWAR_POINTS = [17, 25];
  const PESHAWAR_UNITS = [18, 26];
  const task = (offsets: number[], text?: string) => [
    { id: 1, data: { text: TEXT }, completions: [{ result: [region('r', offsets[0]!, offsets[1]!, 'GPE', text)] }] },
  ];

  it('refuses UTF-16 offsets that also fit as code points when no region text decides, naming the option that does', async () => {
    const error = await failure(parseSource(sourceOf('old.json', JSON.stringify(task(PESHAWAR_UNITS))), 'label-studio'));
    expect(error.message).toMatch(/^old\.json \(record 1\): the offsets fit the text both as code points \(Label Studio 1\.x\) and as UTF-16 code units /);
    expect(error.message).toMatch(/ name the unit: offsetUnit=code-points or offsetUnit=utf-16$/);
  });

  it('reads the offsets in the unit named by offsetUnit, and notes UTF-16 in the report', async () => {
    const [asUnits] = await collect(parseSource(sourceOf('old.json', JSON.stringify(task(PESHAWAR_UNITS))), 'label-studio', { offsetUnit: 'utf-16' }));
    expect(covered(asUnits!)).toEqual([['Peshawar', 'GPE']]);
    expect(asUnits!.notes).toEqual(['offsets read as UTF-16 code units (offsetUnit=utf-16)']);
    const [asPoints] = await collect(parseSource(sourceOf('new.json', JSON.stringify(task(PESHAWAR_POINTS))), 'label-studio', { offsetUnit: 'code-points' }));
    expect(covered(asPoints!)).toEqual([['Peshawar', 'GPE']]);
    expect(asPoints!.notes).toBeUndefined();
  });

  it('converts UTF-16 offsets when the region text says so, and notes it', async () => {
    const [doc] = await collect(parseSource(sourceOf('old.json', JSON.stringify(task(PESHAWAR_UNITS, 'Peshawar'))), 'label-studio'));
    expect(covered(doc!)).toEqual([['Peshawar', 'GPE']]);
    expect(doc!.notes).toEqual(['offsets converted from UTF-16 code units (older Label Studio)']);
  });

  it('names both JSON variants when a record has neither a data object nor a text', async () => {
    const error = await failure(parseSource(sourceOf('x.json', JSON.stringify([{ id: 1, score: 3 }])), 'label-studio'));
    expect(error.message).toBe(
      'x.json (record 1): no "data" object (Label Studio JSON) and no text field (Label Studio JSON-MIN); export the project as JSON or JSON-MIN',
    );
  });
});

describe('doccano variants', () => {
  /** `records` as one JSON Lines file named `name`, through the doccano parser. */
  const doccano = (name: string, records: unknown[], options?: ParseOptions) => parseSource(sourceOf(name, jsonl(...records)), 'doccano', options);

  // doccano 1.x writes spans as [start, end, label] triples, under "label" (its text then in "data") or under "entities".
  const triples = [
    [0, 5, 'ORG'],
    [11, 16, 'ORG'],
  ];
  it.each([
    { variant: 'doccano 1.x ("data", "label")', record: { id: 4, data: 'Apple buys Beats', label: triples }, metadata: { id: 4 } },
    { variant: 'doccano 1.x ("text", "entities" triples)', record: { text: 'Apple buys Beats', entities: triples }, metadata: {} },
  ])('reads the text and the span triples of $variant, naming the variant', async ({ variant, record, metadata }) => {
    const [doc] = await collect(doccano('d.jsonl', [record]));
    expect(covered(doc!)).toEqual([
      ['Apple', 'ORG'],
      ['Beats', 'ORG'],
    ]);
    expect(doc!.variant).toBe(variant);
    expect(doc!.metadata).toEqual(metadata);
  });

  it('reads "annotations" with numeric label ids through the label map, and says so', async () => {
    const line = {
      id: 1,
      text: 'Nawaz Sharif met Xi in Beijing.',
      annotations: [
        { id: 9, label: 3, start_offset: 0, end_offset: 12, user: 1 },
        { id: 10, label: 5, start_offset: 23, end_offset: 30, user: 2 },
      ],
      meta: {},
    };
    const [doc] = await collect(doccano('v1.jsonl', [line], { labelMap: { '3': 'PERSON', '5': 'GPE' } }));
    // The ids stay as labels: the schema lookup applies the same map.
    expect(covered(doc!)).toEqual([
      ['Nawaz Sharif', '3'],
      ['Beijing', '5'],
    ]);
    expect(doc!.spans.map((span) => span.author)).toEqual(['1', '2']);
    expect(doc!.variant).toBe('doccano 1.x ("text", "annotations")');
    expect(doc!.notes).toEqual(['doccano label ids mapped by the label map']);
  });

  it('refuses a numeric label id the label map does not name, naming the id and the fix', async () => {
    const line = {
      text: 'Nawaz Sharif met Xi.',
      annotations: [
        { label: 3, start_offset: 0, end_offset: 12, user: 1 },
        { label: 7, start_offset: 17, end_offset: 19, user: 1 },
      ],
    };
    const error = await failure(doccano('v1.jsonl', [line], { labelMap: { '3': 'PERSON' } }));
    expect(error.message).toBe(
      'v1.jsonl:1: annotations[1]: label 7 is a doccano 1.x label id, not a label name; map every id to ' +
        'a schema key with the label map, e.g. labelMap={"7": "ORG"} (CLI: --label-map)',
    );
  });

  it('reads classification "annotations" as one answer per user', async () => {
    const line = {
      data: 'Prices rose again.',
      annotations: [
        { label: 'negative', user: 1 },
        { label: 'economy', user: 1 },
        { label: 'neutral', user: 2 },
      ],
    };
    const [doc] = await collect(doccano('c.jsonl', [line]));
    expect(doc!.documentLabels.map(({ question, values, author }) => ({ question, values, author }))).toEqual([
      { question: 'label', values: ['negative', 'economy'], author: '1' },
      { question: 'label', values: ['neutral'], author: '2' },
    ]);
  });

  it('reads "cats" as a list and as a class → 0/1 object', async () => {
    const docs = await collect(
      doccano('cats.jsonl', [
        { text: 'Good.', cats: ['positive'] },
        { text: 'Bad.', cats: { positive: 0, negative: 1, neutral: false } },
      ]),
    );
    expect(docs.map((doc) => doc.documentLabels.map((answer) => answer.values))).toEqual([[['positive']], [['negative']]]);
  });

  it('refuses a line giving two kinds of labels, and a "data" that is not text', async () => {
    expect((await failure(doccano('x.jsonl', [{ text: 'a b', label: [[0, 1, 'X']], annotations: [] }]))).message).toBe(
      'x.jsonl:1: both "label" and "annotations" are given; keep one',
    );
    expect((await failure(doccano('x.jsonl', [{ data: { text: 'a' }, label: [] }]))).message).toBe(
      'x.jsonl:1: data: expected a string (the doccano 1.x text field)',
    );
  });
});

describe('JSON Lines errors that name the variant', () => {
  it('says when a .jsonl file is pretty-printed JSON', async () => {
    const pretty = JSON.stringify([{ text: 'a', label: [] }], null, 2);
    expect(() => detectFormat('p.jsonl', bytes(pretty))).toThrow(
      'p.jsonl:1: this looks like pretty-printed JSON (one record over several lines); JSON Lines needs one record per line',
    );
    const error = await failure(parseSource(sourceOf('p.jsonl', JSON.stringify({ text: 'a', label: [] }, null, 2)), 'doccano'));
    expect(error.message).toMatch(/^p\.jsonl:1: this looks like pretty-printed JSON/);
  });
});
