import { describe, expect, it } from 'vitest';
import { emptyHistory, prepare, record, redo, undo, type History } from '@/lib/editor/history';
import { applyOps, emptyDoc, type DocState, type Op, type Relation, type Span } from '@/lib/editor/model';

const person: Span = {
  key: 'p',
  labelId: 'PERSON',
  start: 4,
  end: 21,
  quote: 'Hafiz Gul Bahadur',
  target: null,
  attributes: { note: 'kept' },
  unsure: false,
  note: null,
};
const org: Span = { key: 'o', labelId: 'ORG', start: 4, end: 27, quote: 'Hafiz Gul Bahadur group', target: null, attributes: {}, unsure: false, note: null };
const memberOf: Relation = { key: 'r', labelId: 'MEMBER_OF', sourceKey: 'p', targetKey: 'o' };

/** Does `ops` as one undoable change, the way the editor does. */
function act(state: { doc: DocState; history: History }, ops: Op[], description = 'change') {
  const { entry, doc } = prepare(state.doc, ops, description);
  return { doc, history: record(state.history, entry) };
}

function back(state: { doc: DocState; history: History }) {
  const step = undo(state.history, state.doc)!;
  return { doc: applyOps(state.doc, step.ops), history: step.history, ops: step.ops };
}

function forth(state: { doc: DocState; history: History }) {
  const step = redo(state.history, state.doc)!;
  return { doc: applyOps(state.doc, step.ops), history: step.history, ops: step.ops };
}

const start = { doc: emptyDoc, history: emptyHistory };

describe('undo/redo history', () => {
  it('undoes a create with a delete and redoes it with the same span', () => {
    const created = act(start, [{ type: 'createSpan', span: person }]);
    const undone = back(created);
    expect(undone.ops).toEqual([{ type: 'deleteSpan', key: 'p' }]);
    expect(undone.doc.spans.size).toBe(0);
    const redone = forth(undone);
    expect(redone.doc.spans.get('p')).toEqual(person);
  });

  it('undoes an update by updating the changed fields back', () => {
    const state = act(act(start, [{ type: 'createSpan', span: person }]), [{ type: 'updateSpan', key: 'p', change: { labelId: 'NORP' } }]);
    expect(state.doc.spans.get('p')?.labelId).toBe('NORP');
    const undone = back(state);
    expect(undone.ops).toEqual([{ type: 'updateSpan', key: 'p', change: { labelId: 'PERSON' } }]);
    expect(undone.doc.spans.get('p')).toEqual(person);
  });

  it('undoes a delete by re-creating the span under the same key, with its relations and attributes', () => {
    let state = act(start, [
      { type: 'createSpan', span: person },
      { type: 'createSpan', span: org },
      { type: 'createRelation', relation: memberOf },
    ]);
    state = act(state, [{ type: 'deleteSpan', key: 'p' }]);
    expect(state.doc.relations.size).toBe(0);
    const undone = back(state);
    expect(undone.ops).toEqual([
      { type: 'createSpan', span: person },
      { type: 'createRelation', relation: memberOf },
    ]);
    expect(undone.doc.spans.get('p')?.attributes).toEqual({ note: 'kept' });
    expect(undone.doc.relations.get('r')).toEqual(memberOf);
  });

  it('later entries keep working on a re-created span: they address it by key, not server id', () => {
    let state = act(start, [{ type: 'createSpan', span: person }]);
    state = act(state, [{ type: 'updateSpan', key: 'p', change: { end: 9, quote: 'Hafiz' } }]);
    state = act(state, [{ type: 'deleteSpan', key: 'p' }]);
    state = back(state); // re-created
    state = back(state); // the update is undone on the re-created span
    expect(state.doc.spans.get('p')).toEqual(person);
    state = forth(state);
    expect(state.doc.spans.get('p')?.quote).toBe('Hafiz');
  });

  it('a new change clears the redo stack', () => {
    let state = act(start, [{ type: 'createSpan', span: person }]);
    state = back(state);
    expect(state.history.future).toHaveLength(1);
    state = act(state, [{ type: 'createSpan', span: org }]);
    expect(state.history.future).toHaveLength(0);
    expect(redo(state.history, state.doc)).toBeNull();
  });

  it('skips operations that no longer apply, e.g. after the change was rolled back', () => {
    const state = act(start, [{ type: 'createSpan', span: person }]);
    // The server refused the create, so the span is gone from the view before the user undoes.
    const step = undo(state.history, emptyDoc)!;
    expect(step.ops).toEqual([]);
    expect(step.history.future).toHaveLength(1);
  });

  it('records nothing for a change that does not apply, and nothing to undo on an empty stack', () => {
    expect(act(start, [{ type: 'deleteSpan', key: 'missing' }]).history).toBe(emptyHistory);
    expect(undo(emptyHistory, emptyDoc)).toBeNull();
  });

  it('undoes document answers by restoring the previous set', () => {
    const first = [{ labelId: 'PRIMARY_FRAME', targetId: null, values: ['ECONOMIC'] }];
    let state = act(start, [{ type: 'setAnswers', answers: first }]);
    state = act(state, [{ type: 'setAnswers', answers: [] }]);
    expect(back(state).doc.answers).toEqual(first);
  });

  it('refuses a stance span whose target span does not exist', () => {
    const stance: Span = { ...person, key: 's', labelId: 'AGAINST', target: { kind: 'span', key: 'gone' } };
    expect(act(start, [{ type: 'createSpan', span: stance }]).doc.spans.size).toBe(0);
  });
});
