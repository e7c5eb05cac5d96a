import { describe, expect, it } from 'vitest';
import { requestTo } from '@/lib/api/client';
import type * as annotations from '@/lib/api/contracts/annotations';
import type * as documents from '@/lib/api/contracts/documents';
import type * as review from '@/lib/api/contracts/review';

describe('requestTo', () => {
  it('fills path parameters encoded, appends the query without unset fields, and keeps the body', () => {
    expect(requestTo<typeof annotations.deleteAnnotation>('DELETE /annotations/{id}', { params: { id: 'a/b ü' }, query: { version: 3 } })).toEqual({
      method: 'DELETE',
      path: '/annotations/a%2Fb%20%C3%BC?version=3',
    });
    expect(
      requestTo<typeof annotations.listAnnotations>('GET /documents/{id}/annotations', { params: { id: 'd1' }, query: { author: 'gold', layer: undefined } }),
    ).toEqual({
      method: 'GET',
      path: '/documents/d1/annotations?author=gold',
    });
    expect(requestTo<typeof review.finishReview>('PATCH /documents/{id}/review', { params: { id: 'd1' }, body: { adjudicated: true } })).toEqual({
      method: 'PATCH',
      path: '/documents/d1/review',
      body: { adjudicated: true },
    });
  });

  it('refuses a route whose placeholder has no value instead of sending "{id}"', () => {
    const call = () => requestTo<typeof annotations.deleteAnnotation>('DELETE /annotations/{id}', { params: {} as { id: string } });
    expect(call).toThrow('DELETE /annotations/{id}: no value for {id}');
  });

  it("types a raw body's JSON entry from its schema and leaves it optional, for the same request sends a file instead", () => {
    const route = 'POST /projects/{id}/documents';
    expect(requestTo<typeof documents.importDocuments>(route, { params: { id: 'p1' }, body: { documents: [{ text: 'Hi' }] } })).toEqual({
      method: 'POST',
      path: '/projects/p1/documents',
      body: { documents: [{ text: 'Hi' }] },
    });
    expect(requestTo<typeof documents.importDocuments>(route, { params: { id: 'p1' } })).toEqual({ method: 'POST', path: '/projects/p1/documents' });
    // @ts-expect-error a document without its text does not fit the JSON body's schema
    requestTo<typeof documents.importDocuments>(route, { params: { id: 'p1' }, body: { documents: [{ name: 'no text' }] } });
  });
});
