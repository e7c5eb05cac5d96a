import { describe, expect, it } from 'vitest';
import { checkBody, MAX_COMMENT, mayDelete, mayEdit, mayRead } from '@/lib/comments/rules';

/** Who reads, edits and deletes which comment of a document's thread (lib/comments/rules.ts). */
describe('comment rules', () => {
  const blindAnnotator = { userId: 'a', seesOthersWork: false };

  it('in blind mode, an annotator reads their own and curators’/managers’/owners’ comments, not another annotator’s or a former member’s', () => {
    expect(mayRead(blindAnnotator, { authorId: 'a', authorRole: 'ANNOTATOR' })).toBe(true);
    expect(mayRead(blindAnnotator, { authorId: 'b', authorRole: 'ANNOTATOR' })).toBe(false);
    for (const role of ['CURATOR', 'MANAGER', 'OWNER'] as const) expect(mayRead(blindAnnotator, { authorId: 'c', authorRole: role })).toBe(true);
    expect(mayRead(blindAnnotator, { authorId: 'gone', authorRole: null })).toBe(false);
  });

  it('whoever sees others’ work (curators, or anyone outside blind mode) reads every comment', () => {
    expect(mayRead({ userId: 'a', seesOthersWork: true }, { authorId: 'b', authorRole: 'ANNOTATOR' })).toBe(true);
    expect(mayRead({ userId: 'c', seesOthersWork: true }, { authorId: 'gone', authorRole: null })).toBe(true);
  });

  it('only the author edits; the author or a curator and above deletes', () => {
    expect(mayEdit('a', { authorId: 'a' })).toBe(true);
    expect(mayEdit('c', { authorId: 'a' })).toBe(false);
    expect(mayDelete({ userId: 'a', role: 'ANNOTATOR' }, { authorId: 'a' })).toBe(true);
    expect(mayDelete({ userId: 'b', role: 'ANNOTATOR' }, { authorId: 'c' })).toBe(false);
    for (const role of ['CURATOR', 'MANAGER', 'OWNER'] as const) expect(mayDelete({ userId: 'c', role }, { authorId: 'a' })).toBe(true);
  });

  it('stores the body trimmed, refuses blank and over-long ones saying the limit', () => {
    expect(checkBody('  Agreed.\n')).toEqual({ ok: true, value: 'Agreed.' });
    expect(checkBody('x'.repeat(MAX_COMMENT))).toEqual({ ok: true, value: 'x'.repeat(MAX_COMMENT) });
    expect(checkBody(' \t')).toEqual({ ok: false, message: 'A comment needs some text.' });
    expect(checkBody('x'.repeat(MAX_COMMENT + 1))).toEqual({
      ok: false,
      message: `A comment holds at most ${MAX_COMMENT} characters; this one has ${MAX_COMMENT + 1}.`,
    });
  });
});
