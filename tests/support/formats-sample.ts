import type { ExportDocument, ExportSchema, ExportSpan } from '@/lib/formats/model';

/**
 * A small project in the export model that meets every hazard the formats must survive: astral
 * characters (emoji, a flag, a ZWJ family) before spans, Urdu and Pashto, a combining mark that
 * NFC keeps (U+0307 after q, kasra U+0650 in بِلال), a span ending inside a token, nested entities,
 * a span crossing a line break, a stance quote with a comma and double quotes, attributes brat can
 * and cannot hold, two authors, and two document names that differ only in case. The format tests
 * run on it; it also serves as a preview input.
 */

export const SAMPLE_SCHEMA: ExportSchema = {
  labels: [
    { key: 'PERSON', name: 'Person', layer: 'ENTITY' },
    { key: 'NORP', name: 'Nationality / religious / political group', layer: 'ENTITY' },
    { key: 'ORG', name: 'Organization', layer: 'ENTITY' },
    { key: 'GPE', name: 'Geo-political entity', layer: 'ENTITY' },
    { key: 'LOC', name: 'Location', layer: 'ENTITY', retired: true },
    { key: 'FAVOR', name: 'Favor', layer: 'STANCE' },
    { key: 'AGAINST', name: 'Against', layer: 'STANCE' },
    { key: 'NONE', name: 'Neither', layer: 'STANCE' },
    { key: 'SECURITY_DEFENSE', name: 'Security and defense', layer: 'FRAME' },
    { key: 'POLITICAL', name: 'Political', layer: 'FRAME' },
    { key: 'OPPOSES', name: 'Opposes', layer: 'RELATION', sourceTypes: ['PERSON', 'NORP', 'ORG', 'GPE'], targetTypes: ['PERSON', 'NORP', 'ORG', 'GPE'] },
    { key: 'LOCATED_IN', name: 'Located in', layer: 'RELATION', sourceTypes: [], targetTypes: ['GPE', 'LOC'] },
    {
      key: 'DOC_STANCE',
      name: 'Overall stance',
      layer: 'DOCUMENT',
      perTarget: true,
      options: [
        { key: 'FAVOR', name: 'Favor' },
        { key: 'AGAINST', name: 'Against' },
        { key: 'NONE', name: 'Neither' },
      ],
    },
    { key: 'PRIMARY_FRAME', name: 'Primary frame', layer: 'DOCUMENT', options: [{ key: 'SECURITY_DEFENSE', name: 'Security and defense' }] },
  ],
  targets: [
    { key: 'afghan_taliban', name: 'Afghan Taliban', aliases: ['IEA'] },
    { key: 'pakistan', name: 'Pakistan, the state', aliases: [] },
  ],
};

const TEXT = [
  "👍🏽 Talks in Doha 🇵🇰: Pakistan's army and the Afghan Taliban met. 👨‍👩‍👧",
  'He said: "Talks, not raids."',
  '',
  'امن ہمارا حق ہے۔ د پښتونخوا خلک سوله غواړي',
  'The q\u0307ari of بِلال spoke',
  'about peace.',
].join('\n');

/** A span on the first occurrence of `quote`, with code point offsets. */
function spanOn(text: string, quote: string, fields: Omit<ExportSpan, 'start' | 'end' | 'quote' | 'author' | 'attributes'> & Partial<ExportSpan>): ExportSpan {
  const index = text.indexOf(quote);
  if (index < 0) throw new Error(`sample text lacks ${quote}`);
  const start = Array.from(text.slice(0, index)).length;
  return { author: 'gold', attributes: {}, ...fields, start, end: start + Array.from(quote).length, quote };
}

export const SAMPLE_DOCUMENTS: ExportDocument[] = [
  {
    id: 'doc-1',
    name: 'Border talks: Doha/Kabul',
    text: TEXT,
    metadata: { source: 'Glossa sample', language: ['en', 'ur', 'ps'] },
    spans: [
      spanOn(TEXT, 'Doha', { id: 's-doha', label: 'GPE', layer: 'ENTITY' }),
      spanOn(TEXT, 'Pakistan', { id: 's-pakistan', label: 'GPE', layer: 'ENTITY' }),
      spanOn(TEXT, 'Afghan Taliban', { id: 's-taliban', label: 'ORG', layer: 'ENTITY', attributes: { flagged: true } }),
      spanOn(TEXT, 'Afghan', { id: 's-afghan', label: 'NORP', layer: 'ENTITY' }),
      spanOn(TEXT, 'پښتونخوا', { id: 's-pakhtunkhwa', label: 'LOC', layer: 'ENTITY' }),
      spanOn(TEXT, 'بِلال', { id: 's-bilal', label: 'PERSON', layer: 'ENTITY', author: 'user-1' }),
      spanOn(TEXT, '"Talks, not raids."', {
        id: 's-stance',
        label: 'AGAINST',
        layer: 'STANCE',
        target: { kind: 'target', key: 'afghan_taliban' },
        author: 'user-1',
        attributes: { confidence: 0.8, note: 'quote, "verbatim"', source: 'model-x' },
      }),
      spanOn(TEXT, 'سوله غواړي', { id: 's-peace', label: 'FAVOR', layer: 'STANCE', target: { kind: 'span', spanId: 's-pakhtunkhwa' } }),
      spanOn(TEXT, 'spoke\nabout peace', { id: 's-frame', label: 'SECURITY_DEFENSE', layer: 'FRAME', attributes: { reviewed: false } }),
    ],
    relations: [
      { id: 'r-opposes', label: 'OPPOSES', source: 's-pakistan', target: 's-taliban', author: 'gold', attributes: {} },
      { id: 'r-in', label: 'LOCATED_IN', source: 's-bilal', target: 's-pakhtunkhwa', author: 'user-1', attributes: { evidence: 'line 5' } },
    ],
    documentLabels: [
      { question: 'DOC_STANCE', target: 'afghan_taliban', values: ['AGAINST'], author: 'gold' },
      { question: 'PRIMARY_FRAME', values: ['SECURITY_DEFENSE'], author: 'user-1' },
    ],
  },
  {
    id: 'doc-2',
    name: 'border talks: doha/kabul',
    text: 'No annotations here, only text.',
    metadata: {},
    spans: [],
    relations: [],
    documentLabels: [],
  },
];
