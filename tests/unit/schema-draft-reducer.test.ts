import { describe, expect, it } from 'vitest';
import { emptyLabel, emptyTarget, type Draft } from '@/components/schema/model';
import { draftReducer } from '@/components/schema/reducer';

/** Retiring and restoring labels and targets in the schema editor's draft (one pair of actions for both lists). */

const savedLabel = { ...emptyLabel('ENTITY', 'label-saved'), stored: true, key: 'PERSON', name: 'Person' };
const newLabel = { ...emptyLabel('ENTITY', 'label-new'), key: 'PLACE', name: 'Place' };
const savedTarget = { ...emptyTarget('target-saved'), stored: true, key: 'BREXIT', name: 'Brexit' };
const newTarget = { ...emptyTarget('target-new'), key: 'NATO', name: 'NATO' };
const draft: Draft = { labels: [savedLabel, newLabel], targets: [savedTarget, newTarget], retiredLabels: [], retiredTargets: [] };

describe('schema draft: retire and restore', () => {
  it('moves a saved label to the retired labels and a saved target to the retired targets, leaving the other list alone', () => {
    const labelRetired = draftReducer(draft, { type: 'retire', list: 'labels', uid: 'label-saved' });
    expect(labelRetired).toEqual({ labels: [newLabel], targets: [savedTarget, newTarget], retiredLabels: [savedLabel], retiredTargets: [] });
    const targetRetired = draftReducer(draft, { type: 'retire', list: 'targets', uid: 'target-saved' });
    expect(targetRetired).toEqual({ labels: [savedLabel, newLabel], targets: [newTarget], retiredLabels: [], retiredTargets: [savedTarget] });
  });

  it('drops an item the server never saw instead of retiring it', () => {
    expect(draftReducer(draft, { type: 'retire', list: 'labels', uid: 'label-new' })).toEqual({ ...draft, labels: [savedLabel] });
    expect(draftReducer(draft, { type: 'retire', list: 'targets', uid: 'target-new' })).toEqual({ ...draft, targets: [savedTarget] });
  });

  it('restores a retired item to the end of its own list', () => {
    const retired = draftReducer(draftReducer(draft, { type: 'retire', list: 'labels', uid: 'label-saved' }), {
      type: 'retire',
      list: 'targets',
      uid: 'target-saved',
    });
    const labelBack = draftReducer(retired, { type: 'restore', list: 'labels', uid: 'label-saved' });
    expect(labelBack).toEqual({ labels: [newLabel, savedLabel], targets: [newTarget], retiredLabels: [], retiredTargets: [savedTarget] });
    const targetBack = draftReducer(labelBack, { type: 'restore', list: 'targets', uid: 'target-saved' });
    expect(targetBack).toEqual({ labels: [newLabel, savedLabel], targets: [newTarget, savedTarget], retiredLabels: [], retiredTargets: [] });
  });

  it('leaves the draft itself unchanged when the item to restore is not retired', () => {
    expect(draftReducer(draft, { type: 'restore', list: 'labels', uid: 'label-saved' })).toBe(draft);
    expect(draftReducer(draft, { type: 'restore', list: 'targets', uid: 'target-saved' })).toBe(draft);
  });
});
