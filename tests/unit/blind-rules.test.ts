import { describe, expect, it } from 'vitest';
import type { ProjectAccess } from '@/lib/access/project-access';
import { shownTo } from '@/lib/annotations/visibility';
import { mayReopenOwn, type LayerState } from '@/lib/assignments/state';
import { describeExcluded } from '@/lib/review/excluded';

const access = (role: ProjectAccess['role']): ProjectAccess => ({ projectId: 'p', role, blindMode: true, seesOthersWork: role !== 'ANNOTATOR' });
const state = (goldShownAt: Date | null): LayerState => ({ projectId: 'p', allowSelfAssignment: false, assignment: null, goldShownAt });

describe('blind work rules', () => {
  it('lets annotators reopen their own work only until gold was shown; curators always', () => {
    expect(mayReopenOwn(access('ANNOTATOR'), state(null))).toBe(true);
    expect(mayReopenOwn(access('ANNOTATOR'), state(new Date()))).toBe(false);
    expect(mayReopenOwn(access('CURATOR'), state(new Date()))).toBe(true);
  });

  it('withholds gold provenance and copied attributes from annotators, and nothing else', () => {
    const items = [
      { author: 'gold', sourceIds: ['span-of-b'], attributes: { note: 'B' }, start: 1 },
      { author: 'me', sourceIds: [], attributes: { note: 'mine' }, start: 2 },
    ];
    expect(shownTo(access('ANNOTATOR'), items)).toEqual([
      { author: 'gold', sourceIds: [], attributes: {}, start: 1 },
      { author: 'me', sourceIds: [], attributes: { note: 'mine' }, start: 2 },
    ]);
    expect(shownTo(access('CURATOR'), items)).toBe(items);
  });

  it('says how much after-gold work was left out or counted, and nothing when there is none', () => {
    const afterGold = { excluded: true, rule: '', documentAnnotators: 3, documents: 2, spans: 41 };
    expect(describeExcluded({ afterGold })).toBe(
      'Left out: 3 annotator × document pairs (2 documents, 41 spans) changed after gold or another annotator’s work was shown to the annotator.',
    );
    expect(describeExcluded({ afterGold: { ...afterGold, excluded: false, documentAnnotators: 1, documents: 1, spans: 1 } })).toBe(
      'Counted on request: 1 annotator × document pair (1 document, 1 span) changed after gold or another annotator’s work was shown to the annotator.',
    );
    expect(describeExcluded({ afterGold: { ...afterGold, documentAnnotators: 0, documents: 0, spans: 0 } })).toBeNull();
  });
});
