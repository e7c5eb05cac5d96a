import { describe, expect, it } from 'vitest';
import { describeDangling } from '@/lib/review/excluded';

describe('relations left out for a deleted endpoint', () => {
  it('says how many, in how many documents, and nothing when there are none', () => {
    expect(describeDangling({ danglingRelations: { relations: 3, documents: 2 } })).toBe(
      'Left out: 3 annotator relations in 2 documents whose source or target span is deleted or missing.',
    );
    expect(describeDangling({ danglingRelations: { relations: 1, documents: 1 } })).toBe(
      'Left out: 1 annotator relation in 1 document whose source or target span is deleted or missing.',
    );
    expect(describeDangling({ danglingRelations: { relations: 0, documents: 0 } })).toBeNull();
  });
});
