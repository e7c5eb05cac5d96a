import { describe, expect, it } from 'vitest';
import { catalogOf } from '@/lib/editor/catalog';
import { changeSpan, createSpan, deleteSpan, linkSpans, unlink, type CommandContext } from '@/lib/editor/commands';
import { applyOps, emptyDoc, type DocState, type Span } from '@/lib/editor/model';
import type { SchemaLabel } from '@/lib/editor/schema';
import { OffsetIndex } from '@/lib/offsets';
import { editorLabel } from '../support/editor-labels';

// Ids are the keys here: the commands are checked against label ids.
const label = (layer: SchemaLabel['layer'], key: string, extra: Partial<SchemaLabel> = {}) => editorLabel(layer, key, { id: key, ...extra });
const catalog = catalogOf(
  [
    label('ENTITY', 'PERSON'),
    label('ENTITY', 'ORG'),
    label('ENTITY', 'OLD', { retired: true }),
    label('STANCE', 'AGAINST'),
    label('FRAME', 'SECURITY'),
    label('RELATION', 'MEMBER_OF', { sourceTypes: ['PERSON'], targetTypes: ['ORG'] }),
  ],
  [],
);
const text = new OffsetIndex('The Hafiz Gul Bahadur group 👍 attacked.');

function context(doc: DocState = emptyDoc, allowOverlap = true): CommandContext {
  return { doc, catalog, text, allowOverlap };
}

function withSpans(...spans: Span[]): DocState {
  return applyOps(
    emptyDoc,
    spans.map((span) => ({ type: 'createSpan', span })),
  );
}

const person: Span = { key: 'p', labelId: 'PERSON', start: 4, end: 21, quote: 'Hafiz Gul Bahadur', target: null, attributes: {} };
const org: Span = { key: 'o', labelId: 'ORG', start: 4, end: 27, quote: 'Hafiz Gul Bahadur group', target: null, attributes: {} };

describe('editor commands', () => {
  it('creates a span with the quote cut by code points', () => {
    const command = createSpan(context(), 'k', { start: 28, end: 29 }, 'PERSON', null);
    expect(command).toMatchObject({ ok: true, description: 'create PERSON', ops: [{ type: 'createSpan', span: { quote: '👍', start: 28, end: 29 } }] });
  });

  it('refuses retired labels and stance spans without a target', () => {
    expect(createSpan(context(), 'k', { start: 0, end: 3 }, 'OLD', null).ok).toBe(false);
    expect(createSpan(context(), 'k', { start: 0, end: 3 }, 'AGAINST', null)).toEqual({ ok: false, error: 'A stance span needs a target.' });
  });

  it('refuses overlap in the same layer only when the project forbids it', () => {
    const doc = withSpans(org);
    expect(createSpan(context(doc, true), 'k', { start: 4, end: 21 }, 'PERSON', null).ok).toBe(true);
    const refused = createSpan(context(doc, false), 'k', { start: 4, end: 21 }, 'PERSON', null);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toContain('Hafiz Gul Bahadur group');
    expect(createSpan(context(doc, false), 'k', { start: 4, end: 21 }, 'SECURITY', null).ok).toBe(true);
  });

  it('keeps a stance target span an entity and undeletable while stance spans point at it', () => {
    const stance: Span = { key: 's', labelId: 'AGAINST', start: 0, end: 3, quote: 'The', target: { kind: 'span', key: 'o' }, attributes: {} };
    const doc = withSpans(org, stance);
    expect(deleteSpan(context(doc), 'o').ok).toBe(false);
    expect(changeSpan(context(doc), 'o', 'SECURITY', null).ok).toBe(false);
    expect(changeSpan(context(doc), 'o', 'PERSON', null)).toMatchObject({ ok: true, description: 'change label to PERSON' });
    expect(deleteSpan(context(doc), 's')).toMatchObject({ ok: true, ops: [{ type: 'deleteSpan', key: 's' }] });
  });

  it('links only with a relation type allowed between the two labels, once', () => {
    const doc = withSpans(person, org);
    expect(linkSpans(context(doc), 'r', 'o', 'p', 'MEMBER_OF').ok).toBe(false);
    const linked = linkSpans(context(doc), 'r', 'p', 'o', 'MEMBER_OF');
    expect(linked).toMatchObject({ ok: true, description: 'link MEMBER_OF' });
    const after = applyOps(doc, linked.ok ? linked.ops : []);
    expect(linkSpans(context(after), 'r2', 'p', 'o', 'MEMBER_OF').ok).toBe(false);
    expect(unlink(context(after), 'r')).toMatchObject({ ok: true, ops: [{ type: 'deleteRelation', key: 'r' }] });
  });
});
