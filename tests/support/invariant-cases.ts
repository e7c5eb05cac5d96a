/**
 * One table of annotation-rule cases (lib/annotations/invariants.ts), run against every
 * writer: the pure module and the editor's pre-checks (tests/unit/annotation-invariants.test.ts)
 * and the API, import and adjudication (tests/integration/annotation-invariants.test.ts).
 *
 * The world is one document, TEXT, in a project with the news-stance-framing preset where
 * the label ENTITY:LOC and the target OLD_TARGET are retired. `spans` are already stored
 * (valid when they were written) in the writer's own layer ("mine") or another annotator's
 * ("other"); `write` is what the writer is asked to store in "mine".
 */
export const TEXT = 'The Hafiz Gul Bahadur group attacked Bannu.';
export const RETIRED_LABEL = 'ENTITY:LOC';
export const RETIRED_TARGET = 'OLD_TARGET';

export type Writer = 'pure' | 'editor' | 'api-create' | 'api-update' | 'api-relation' | 'import' | 'accept' | 'auto-accept';

export interface SpanSpec {
  ref: string;
  /** LAYER:KEY of a label of the preset, or a key that is no label at all. */
  label: string;
  /** The quoted text (its first occurrence), or explicit offsets. */
  at: string | { start: number; end: number };
  /** A quote to send that differs from the text. */
  quote?: string;
  target?: { target: string } | { span: string };
}

export interface RelationSpec {
  label: string;
  source: string;
  target: string;
}

export interface InvariantCase {
  name: string;
  allowOverlap?: boolean;
  spans?: (SpanSpec & { author: 'mine' | 'other' })[];
  write: { span: SpanSpec } | { relation: RelationSpec };
  /** null when the write obeys every rule. `field` is relative (`target.id`, `sourceId`). */
  refused: null | { field: string; pattern: RegExp; overlap?: true };
  /** Writers the case cannot reach, with the reason. */
  unreachable?: Partial<Record<Writer, string>>;
}

export function offsetsOf(at: SpanSpec['at']): { start: number; end: number } {
  if (typeof at !== 'string') return at;
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(at))).length;
  return { start, end: start + Array.from(at).length };
}

const ONE_LAYER = 'the editor holds only the caller’s own layer';
const BY_KEY = 'import names labels by key within span layers: an unknown or non-span key is "not in the project schema", reported before any rule';
const NO_RELATION_WRITE = 'the writer does not take relations';
const STORED_LABEL = 'a stored span’s label always exists (foreign key)';
const NO_SPAN_WRITE = 'the writer does not take spans';

export const CASES: InvariantCase[] = [
  {
    name: 'a valid entity span',
    write: { span: { ref: 'w', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group' } },
    refused: null,
  },
  {
    name: 'a label that does not exist',
    write: { span: { ref: 'w', label: 'ENTITY:NO_SUCH_LABEL', at: 'Bannu' } },
    refused: { field: 'labelId', pattern: /is not a span label of this project/ },
    unreachable: { import: BY_KEY, editor: 'the editor offers only labels of its catalog', accept: STORED_LABEL, 'auto-accept': STORED_LABEL },
  },
  {
    name: 'a retired label',
    write: { span: { ref: 'w', label: RETIRED_LABEL, at: 'Bannu' } },
    refused: { field: 'labelId', pattern: /LOC is retired/ },
  },
  {
    name: 'a label of the wrong layer (a relation type on a span)',
    write: { span: { ref: 'w', label: 'RELATION:ATTACKED', at: 'Bannu' } },
    refused: { field: 'labelId', pattern: /is not a span label of this project/ },
    unreachable: { import: BY_KEY },
  },
  {
    name: 'a quote that does not match the text',
    write: { span: { ref: 'w', label: 'ENTITY:GPE', at: 'Bannu', quote: 'Kabul' } },
    refused: { field: 'start', pattern: /quote 'Kabul' does not match text 'Bannu'/ },
    unreachable: { editor: 'the editor takes the quote from the text itself' },
  },
  {
    name: 'offsets outside the text',
    write: { span: { ref: 'w', label: 'ENTITY:GPE', at: { start: 38, end: 10_000 } } },
    refused: { field: 'start', pattern: /outside the text/ },
    unreachable: { editor: 'the editor maps a selection inside the text' },
  },
  {
    name: 'an overlap in the same layer where the project forbids it',
    allowOverlap: false,
    spans: [{ ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' }],
    write: { span: { ref: 'w', label: 'ENTITY:PERSON', at: 'Gul Bahadur group attacked' } },
    refused: { field: 'start', pattern: /forbids overlapping ENTITY spans/, overlap: true },
  },
  {
    name: 'the same overlap where the project allows it',
    allowOverlap: true,
    spans: [{ ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' }],
    write: { span: { ref: 'w', label: 'ENTITY:PERSON', at: 'Gul Bahadur group attacked' } },
    refused: null,
  },
  {
    name: 'overlap forbidden, but the other span is in another layer or another annotator’s',
    allowOverlap: false,
    spans: [
      { ref: 'frame', label: 'FRAME:SECURITY_DEFENSE', at: 'Hafiz Gul Bahadur group', author: 'mine' },
      { ref: 'theirs', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'other' },
    ],
    write: { span: { ref: 'w', label: 'ENTITY:PERSON', at: 'Gul Bahadur group attacked' } },
    refused: null,
    unreachable: {
      editor: ONE_LAYER,
      'auto-accept': 'auto-accept merges every annotator into the one gold layer, where these two spans do overlap (the overlap case covers it)',
    },
  },
  {
    name: 'a stance span without a target',
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked' } },
    refused: { field: 'target', pattern: /stance span needs a target/ },
  },
  {
    name: 'a stance span on a project target',
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked', target: { target: 'AFGHAN_TALIBAN' } } },
    refused: null,
  },
  {
    name: 'a stance span on a retired target',
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked', target: { target: RETIRED_TARGET } } },
    refused: { field: 'target.id', pattern: /is retired; choose an active target/ },
  },
  {
    name: 'a stance span on an entity span of the same layer',
    spans: [{ ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' }],
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked', target: { span: 'org' } } },
    refused: null,
  },
  {
    name: 'a stance span on another annotator’s entity span',
    spans: [{ ref: 'theirs', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'other' }],
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked', target: { span: 'theirs' } } },
    refused: { field: 'target.id', pattern: /belongs to annotator .*'s layer, not to the layer of this stance/ },
    unreachable: {
      editor: ONE_LAYER,
      accept: 'gold takes the stance’s target from the same annotator’s work; another annotator’s span is not there to take',
      'auto-accept': 'as accept',
    },
  },
  {
    name: 'a stance span on a span that is not an entity',
    spans: [{ ref: 'frame', label: 'FRAME:SECURITY_DEFENSE', at: 'Hafiz Gul Bahadur group', author: 'mine' }],
    write: { span: { ref: 'w', label: 'STANCE:AGAINST', at: 'attacked', target: { span: 'frame' } } },
    refused: { field: 'target.id', pattern: /is a FRAME span; a stance targets an entity span/ },
    unreachable: { accept: 'gold takes a stance’s target span from the entity spans only', 'auto-accept': 'as accept' },
  },
  {
    name: 'a target on a span that is not a stance',
    write: { span: { ref: 'w', label: 'ENTITY:GPE', at: 'Bannu', target: { target: 'AFGHAN_TALIBAN' } } },
    refused: { field: 'target', pattern: /Only STANCE spans take a target/ },
  },
  {
    name: 'a relation its type allows',
    spans: [
      { ref: 'person', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur', author: 'mine' },
      { ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' },
    ],
    write: { relation: { label: 'RELATION:MEMBER_OF', source: 'person', target: 'org' } },
    refused: null,
  },
  {
    name: 'a relation type not allowed between the endpoint labels',
    spans: [
      { ref: 'person', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur', author: 'mine' },
      { ref: 'gpe', label: 'ENTITY:GPE', at: 'Bannu', author: 'mine' },
    ],
    write: { relation: { label: 'RELATION:MEMBER_OF', source: 'person', target: 'gpe' } },
    refused: { field: 'labelId', pattern: /not PERSON → GPE/ },
  },
  {
    name: 'a relation to another annotator’s span',
    spans: [
      { ref: 'person', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur', author: 'mine' },
      { ref: 'theirs', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'other' },
    ],
    write: { relation: { label: 'RELATION:MEMBER_OF', source: 'person', target: 'theirs' } },
    refused: { field: 'targetId', pattern: /belongs to annotator .*'s layer; a relation links spans of one layer/ },
    unreachable: {
      editor: ONE_LAYER,
      accept: 'gold is one layer: both ends are copied into it, so the gold relation links gold spans',
      'auto-accept': 'as accept',
    },
  },
  {
    name: 'a relation with a span label as its type',
    spans: [
      { ref: 'person', label: 'ENTITY:PERSON', at: 'Hafiz Gul Bahadur', author: 'mine' },
      { ref: 'org', label: 'ENTITY:ORG', at: 'Hafiz Gul Bahadur group', author: 'mine' },
    ],
    write: { relation: { label: 'ENTITY:ORG', source: 'person', target: 'org' } },
    refused: { field: 'labelId', pattern: /is not a relation type of this project/ },
    unreachable: { import: 'import names relation types by key among relation types only' },
  },
];

/** Which writers take the case's kind of write. */
export function reaches(testCase: InvariantCase, writer: Writer): string | null {
  const isSpan = 'span' in testCase.write;
  if (isSpan && writer === 'api-relation') return NO_RELATION_WRITE;
  if (!isSpan && (writer === 'api-create' || writer === 'api-update')) return NO_SPAN_WRITE;
  return testCase.unreachable?.[writer] ?? null;
}
