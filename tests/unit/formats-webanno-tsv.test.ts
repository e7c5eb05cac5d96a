import { describe, expect, it } from 'vitest';
import type { ExportDocument, ExportSpan } from '@/lib/formats/model';
import { escapeValue, splitUnescaped, unescapeValue, webannoTsvDocument } from '@/lib/formats/webanno-tsv';
import { parseSource } from '@/lib/import/parsers';
import type { ImportedDocument } from '@/lib/import/types';
import { sliceByCodePoints } from '@/lib/offsets';
import { collect, failure, sourceOf } from '../fixtures/import/source';
import { asExportDocument } from '../support/imported-export';

/**
 * Files of the shapes in INCEpTION's own tsv3-suite (stacked multi-token spans, relations between
 * stacked spans with ids, relations between bare tokens, reserved characters in values,
 * sub-tokens, chains, astral characters), written here for these tests.
 */

const row = (...cells: string[]) => `${cells.join('\t')}\t\n`;
const read = async (content: string, name = 'doc.tsv') => (await collect(parseSource(sourceOf(name, content), 'webanno-tsv')))[0]!;
const spansOf = (doc: ImportedDocument) =>
  doc.spans.map((span) => [sliceByCodePoints(doc.text, span.start, span.end), span.label, span.layer, span.attributes ?? {}]);

describe('webanno tsv reader', () => {
  it('reads stacked multi-token spans as one span per id, with the value feature as label', async () => {
    const doc = await read(
      '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=This is a test .\n' +
        row('1-1', '0-4', 'This', 'PERSON[1]|LOCATION[2]') +
        row('1-2', '5-7', 'is', 'PERSON[1]|LOCATION[2]') +
        row('1-3', '8-9', 'a', 'LOCATION[2]') +
        row('1-4', '10-14', 'test', '_') +
        row('1-5', '15-16', '.', 'ORG'),
    );
    expect(doc.text).toBe('This is a test .');
    expect(spansOf(doc)).toEqual([
      ['This is', 'PERSON', undefined, {}],
      ['This is a', 'LOCATION', undefined, {}],
      ['.', 'ORG', undefined, {}],
    ]);
    expect(doc.sourceTokens).toEqual({ tokenOffsets: [0, 4, 5, 7, 8, 9, 10, 14, 15, 16], sentenceStarts: [0], tokenizer: 'source:webanno-tsv' });
  });

  it('connects relations between stacked spans by their ids, source on the BT column, target on the row', async () => {
    const doc = await read(
      '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n#T_RL=webanno.custom.Relation|value|BT_webanno.custom.Span\n\n\n#Text=This is a test .\n' +
        row('1-1', '0-4', 'This', 'A[1]|B[2]', '_', '_') +
        row('1-2', '5-7', 'is', '_', '_', '_') +
        row('1-3', '8-9', 'a', '_', '_', '_') +
        row('1-4', '10-14', 'test', '_', '_', '_') +
        row('1-5', '15-16', '.', 'C[3]|D[4]', 'rel\\_x|*', '1-1[1_3]|1-1[2_4]'),
    );
    const label = (ref: string) => doc.spans.find((span) => span.ref === ref)!.label;
    expect(doc.relations.map((r) => [r.label, label(r.source), label(r.target)])).toEqual([
      ['rel_x', 'A', 'C'],
      ['Relation', 'B', 'D'],
    ]);
  });

  it('counts what Glossa cannot hold: relations between bare tokens, chains, slot features, zero-length spans', async () => {
    const doc = await read(
      '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n' +
        '#T_SP=webanno.custom.Frame|ROLE_webanno.custom.Frame:Roles_webanno.custom.FrameRolesLink|webanno.custom.Span\n' +
        '#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType|referenceRelation\n' +
        '#T_RL=webanno.custom.Relation|value|BT_de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token\n\n\n' +
        '#Text=He shot himself .\n' +
        row('1-1', '0-2', 'He', 'X', 'agent', '1-3', 'pr[1]', 'coref->1-1', '_', '_') +
        row('1-2', '3-7', 'shot', '_', '_', '_', '_', '_', '_', '_') +
        row('1-3', '8-15', 'himself', 'Y', '_', '_', 'pr[1]', 'coref->1-2', '*', '1-1') +
        row('1-4', '15-15', '', 'Z', '_', '_', '_', '_', '_', '_') +
        row('1-5', '16-17', '.', '_', '_', '_', '_', '_', '_', '_'),
    );
    expect(spansOf(doc)).toEqual([
      ['He', 'X', undefined, {}],
      ['himself', 'Y', undefined, {}],
    ]);
    expect(doc.relations).toEqual([]);
    expect(doc.skipped).toEqual({
      'TSV chain links (coreference) not kept': 2,
      'TSV slot feature links not kept': 1,
      'TSV relations between bare tokens not kept': 1,
      'TSV zero-length annotations not kept': 1,
    });
  });

  it('reads reserved characters, sub-tokens, multi-line sentences and UTF-16 offsets past emoji', async () => {
    const value = '#\\*\'"\\t:\\;{}\\|\\[ \\]()\\\\§$%?=&\\_\\n';
    const doc = await read(
      '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value|note\n\n\n#Text=I like 😊 plays\n#Text=too .\n' +
        row('1-1', '0-1', 'I', `${value}`, '*') +
        row('1-2', '2-6', 'like', '_', '_') +
        row('1-3', '7-9', '😊', 'EMO', 'smile') +
        row('1-4', '10-15', 'plays', '_', '_') +
        row('1-4.1', '10-14', 'play', 'STEM', '*') +
        row('1-5', '16-19', 'too', '_', '_') +
        row('1-6', '20-21', '.', '_', '_') +
        '\n#Text=Next\n' +
        row('2-1', '24-28', 'Next', '_', '_'),
    );
    expect(doc.text).toBe('I like 😊 plays\ntoo .\n\n\nNext');
    expect(spansOf(doc)).toEqual([
      ['I', '#*\'"\t:;{}|[ ]()\\§$%?=&_\n', undefined, {}],
      ['😊', 'EMO', undefined, { note: 'smile' }],
      ['play', 'STEM', undefined, {}],
    ]);
    // Code points, not UTF-16: 😊 is one.
    expect(doc.spans.map((span) => [span.start, span.end])).toEqual([
      [0, 1],
      [7, 8],
      [9, 13],
    ]);
    expect(doc.sourceTokens?.sentenceStarts).toEqual([0, 6]);
  });

  it('rejects what does not fit, at its line', async () => {
    expect((await failure(parseSource(sourceOf('x.tsv', '#FORMAT=WebAnno TSV 2\n'), 'webanno-tsv'))).message).toBe(
      'x.tsv:1: the first line must be #FORMAT=WebAnno TSV 3.x',
    );
    const header = '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n#Text=Hello\n';
    expect((await failure(parseSource(sourceOf('x.tsv', `${header}1-1\t0-5\tHello\tX\tY\t\n`), 'webanno-tsv'))).message).toBe(
      'x.tsv:6: expected 4 tab-separated columns (address, offsets, token and one per declared feature), found 5',
    );
    expect((await failure(parseSource(sourceOf('x.tsv', `${header}${row('1-1', '0-5', 'Hallo', '_')}`), 'webanno-tsv'))).message).toBe(
      'x.tsv:6: token "Hallo" does not match the text at 0-5 ("Hello")',
    );
    // An offset far past anything the file holds is refused before any text is built for it.
    expect((await failure(parseSource(sourceOf('x.tsv', `${header}${row('1-1', '900000000000-900000000005', 'Hello', '_')}`), 'webanno-tsv'))).message).toMatch(
      /^x\.tsv:6: the sentence starts at offset 900000000000, 900000000000 units after the text before it, more than the file's \d+ characters$/,
    );
  });
});

describe('webanno tsv escaping', () => {
  it('escapes every reserved character and reads it back', () => {
    const value = 'a\\b[c]d|e_f->g;h*i\tj\nk\rl';
    expect(escapeValue(value)).toBe('a\\\\b\\[c\\]d\\|e\\_f\\->g\\;h\\*i\\tj\\nk\\rl');
    expect(unescapeValue(escapeValue(value))).toBe(value);
    expect(splitUnescaped(`${escapeValue('x|y')}|z`, '|')).toEqual(['x\\|y', 'z']);
  });
});

function span(text: string, quote: string, label: string, layer: ExportSpan['layer'], extra: Partial<ExportSpan> = {}, occurrence = 0): ExportSpan {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) index = text.indexOf(quote, index + 1);
  const start = Array.from(text.slice(0, index)).length;
  return { id: `${label}-${start}`, start, end: start + Array.from(quote).length, label, layer, quote, author: 'gold', attributes: {}, ...extra };
}

const TEXT = 'P. Simmons of 👍🏽 Reuters met Louis D. Boccardi.\nThe talks | in Doha [failed] for_now.';
const SPANS = [
  span(TEXT, 'P. Simmons', 'PERSON', 'ENTITY', { attributes: { wikidata: 'Q1', confidence: 0.9 } }),
  span(TEXT, 'Reuters', 'ORG', 'ENTITY'),
  span(TEXT, 'Reut', 'ORG_PART', 'ENTITY'),
  span(TEXT, 'Louis D. Boccardi', 'PERSON', 'ENTITY'),
  span(TEXT, 'Louis', 'GIVEN', 'ENTITY'),
  span(TEXT, 'Doha', 'GPE', 'ENTITY', { attributes: { note: 'a|b_[c]' } }),
  span(TEXT, 'met Louis D. Boccardi.\nThe talks', 'FAVOR', 'STANCE', { target: { kind: 'target', key: 'afghan_taliban' } }),
  span(TEXT, 'The talks | in Doha', 'POLITICAL', 'FRAME'),
];
const idOf = (label: string) => SPANS.find((s) => s.label === label)!.id;
const GLOSSA_DOC: ExportDocument = {
  id: 'd1',
  name: 'wire',
  text: TEXT,
  metadata: {},
  spans: SPANS,
  relations: [
    { id: 'r1', label: 'EMPLOYED_BY', source: idOf('PERSON'), target: idOf('ORG'), author: 'gold', attributes: { since: '1990' } },
    { id: 'r2', label: 'MET', source: idOf('PERSON'), target: idOf('GIVEN'), author: 'gold', attributes: {} },
  ],
  documentLabels: [],
};

describe('webanno tsv writer', () => {
  it('round-trips Glossa spans, stacked and across sentences, relations and attributes: write → read → write', async () => {
    const { text, stats } = webannoTsvDocument(GLOSSA_DOC);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '#FORMAT=WebAnno TSV 3.3',
      '#T_SP=webanno.custom.Entity|label|confidence|note|wikidata',
      '#T_SP=webanno.custom.Stance|label|target',
      '#T_SP=webanno.custom.Frame|label',
      '#T_RL=webanno.custom.Relation|label|since|BT_webanno.custom.Entity',
      '',
    ]);
    // "Reut" ends inside "Reuters": the token is split there; 👍🏽 is 4 UTF-16 units.
    expect(text).toContain('\tReut\t');
    expect(stats).toEqual({ attributesDropped: 0, stanceSpanTargetsDropped: 0, droppedUntokenized: 0, tokensSplit: 1 });
    const imported = await read(text, 'wire.tsv');
    const back = asExportDocument(imported);
    const shape = (doc: ExportDocument) => doc.spans.map((s) => [s.start, s.end, s.label, s.layer, s.attributes]).sort();
    // Attributes come back as strings: the format's values are text.
    expect(shape(back)).toEqual(
      shape({
        ...GLOSSA_DOC,
        spans: GLOSSA_DOC.spans.map((s) => ({
          ...s,
          attributes: Object.fromEntries(Object.entries(s.attributes).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
        })),
      }),
    );
    expect(imported.spans.find((s) => s.label === 'FAVOR')?.target).toBe('afghan_taliban');
    const ends = (doc: ExportDocument) =>
      doc.relations.map((r) => [r.label, doc.spans.find((s) => s.id === r.source)!.quote, doc.spans.find((s) => s.id === r.target)!.quote, r.attributes]);
    expect(ends(back)).toEqual(ends(GLOSSA_DOC));
    expect(back.text).toBe(TEXT);
    expect(
      webannoTsvDocument({ ...back, spans: back.spans.map((s) => (s.label === 'FAVOR' ? { ...s, target: { kind: 'target', key: 'afghan_taliban' } } : s)) })
        .text,
    ).toBe(text);
  });

  it('counts what it cannot write: span stance targets and attribute keys that are no feature names', () => {
    const doc: ExportDocument = {
      ...GLOSSA_DOC,
      spans: [
        span(TEXT, 'Reuters', 'ORG', 'ENTITY', { attributes: { 'two words': 'x' } }),
        span(TEXT, 'talks', 'AGAINST', 'STANCE', { target: { kind: 'span', spanId: idOf('ORG') } }),
      ],
      relations: [],
    };
    expect(webannoTsvDocument(doc).stats).toMatchObject({ attributesDropped: 1, stanceSpanTargetsDropped: 1 });
  });
});
