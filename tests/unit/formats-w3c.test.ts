import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';
import { ANNO_CONTEXT, createW3cCollection, w3cAnnotations } from '@/lib/formats/w3c';

// The W3C test suite's JSON Schemas live beside the repository (../shared), not in it; on a
// fresh clone without them the conformance block is skipped, visibly.
const SUITE = path.resolve(import.meta.dirname, '../../../shared/validators/w3c-web-annotation');
const hasSuite = existsSync(path.join(SUITE, 'annotations/annotationMusts.test'));
const OPTIONS = { baseUrl: 'https://glossa.example/projects/p1/', label: 'Sample export' };

function exportCollection() {
  const writer = createW3cCollection(OPTIONS);
  const text = writer.header() + SAMPLE_DOCUMENTS.map((doc) => writer.document(doc)).join('') + writer.footer();
  return {
    text,
    collection: JSON.parse(text) as { '@context': unknown; type: string; total: number; first: { type: string; items: Record<string, unknown>[] } },
  };
}

describe('w3c collection', () => {
  it('is one JSON AnnotationCollection whose page lists every annotation, total last', () => {
    const { collection } = exportCollection();
    expect(collection.type).toBe('AnnotationCollection');
    expect((collection['@context'] as unknown[])[0]).toBe(ANNO_CONTEXT);
    expect(collection.first.type).toBe('AnnotationPage');
    const expected = SAMPLE_DOCUMENTS.reduce((sum, doc) => sum + doc.spans.length + doc.relations.length + doc.documentLabels.length, 0);
    expect(collection.first.items).toHaveLength(expected);
    expect(collection.total).toBe(expected);
  });

  it('selects spans by code points, with quote context of at most 32 code points', () => {
    const doc = SAMPLE_DOCUMENTS[0]!;
    const points = Array.from(doc.text);
    for (const [index, span] of doc.spans.entries()) {
      const annotation = w3cAnnotations(doc, OPTIONS)[index] as { target: { selector: Record<string, unknown>[] } };
      const [quote, position] = annotation.target.selector;
      expect(position).toEqual({ type: 'TextPositionSelector', start: span.start, end: span.end });
      expect(quote?.exact).toBe(points.slice(span.start, span.end).join(''));
      const prefix = (quote?.prefix as string | undefined) ?? '';
      expect(Array.from(prefix).length).toBeLessThanOrEqual(32);
      expect(points.slice(0, span.start).join('').endsWith(prefix)).toBe(true);
    }
  });

  it('links relations to both span annotations and keeps their direction', () => {
    const doc = SAMPLE_DOCUMENTS[0]!;
    const annotations = w3cAnnotations(doc, OPTIONS);
    const relation = annotations.find((annotation) => annotation.motivation === 'linking')!;
    const ids = new Set(annotations.map((annotation) => annotation.id));
    expect(relation.target).toHaveLength(2);
    for (const target of relation.target as string[]) expect(ids.has(target)).toBe(true);
    expect(relation['glossa:relationSource']).toBe((relation.target as string[])[0]);
  });
});

describe.skipIf(!hasSuite)('w3c annotations against the W3C MUST assertions (annotationMusts.test)', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  let assertions: { file: string; validate: ValidateFunction }[] = [];

  // In a hook, not the describe body: vitest collects a skipped describe's body all the same.
  beforeAll(() => {
    const readJson = (file: string) => JSON.parse(readFileSync(path.join(SUITE, file), 'utf8')) as Record<string, unknown>;
    // Draft-04 formats the schemas use; Ajv ships none without ajv-formats.
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/i);
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
    for (const file of readdirSync(path.join(SUITE, 'definitions')).filter((name) => name.endsWith('.json'))) ajv.addSchema(readJson(`definitions/${file}`));
    assertions = (readJson('annotations/annotationMusts.test').assertions as string[]).map((file) => ({ file, validate: ajv.compile(readJson(file)) }));
  });

  it('compiles every listed assertion', () => {
    expect(assertions.length).toBeGreaterThan(50);
  });

  it('every annotation passes every MUST assertion', () => {
    const { collection } = exportCollection();
    for (const item of collection.first.items) {
      // Items inherit the collection's @context (JSON-LD scoping); the assertions test standalone
      // annotations, so each is checked with the context it is read under.
      const annotation = { '@context': collection['@context'], ...item };
      for (const { file, validate } of assertions) {
        expect(validate(annotation), `${String(item.id)} fails ${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it('the assertions do reject broken annotations', () => {
    const { collection } = exportCollection();
    const valid = { '@context': collection['@context'], ...collection.first.items[0] };
    const broken = [
      { ...valid, '@context': 'https://example.org/other.jsonld' },
      { ...valid, type: 'Note' },
      { ...valid, id: 'not a uri' },
      { ...valid, target: { type: 'SpecificResource', source: 'https://glossa.example/d', selector: { type: 'TextQuoteSelector' } } },
      { ...valid, target: { type: 'SpecificResource', source: 'https://glossa.example/d', selector: { type: 'TextPositionSelector', start: -1, end: 2 } } },
    ];
    for (const [index, annotation] of broken.entries())
      expect(
        assertions.some(({ validate }) => !validate(annotation)),
        `broken #${index}`,
      ).toBe(true);
  });
});
