import { recommenderOf, type ExportDocument, type ExportDocumentLabel, type ExportSpan } from './model';
import { codePoints, sliceCodePoints } from './text';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as one JSON-LD
 * AnnotationCollection whose single AnnotationPage (`first`) lists every annotation. `total` is
 * written after the items, so the collection streams in one pass (JSON key order is free).
 *
 * Every annotation is named under `baseUrl` and created by `<baseUrl>/annotators/<author>`:
 * - span → motivation "tagging" (ENTITY, FRAME) or "classifying" (STANCE); body a TextualBody with
 *   purpose "tagging" and the label key as value; target a SpecificResource on the document with a
 *   TextQuoteSelector (exact, up to 32 code points of prefix and suffix) and a
 *   TextPositionSelector (code points, as the model defines them);
 * - relation → motivation "linking", targets the two span annotations;
 * - document answer → motivation "classifying", one TextualBody (purpose "classifying") per chosen
 *   option, target the document.
 * What the model has no term for goes into extension properties of the `glossa:` namespace
 * (declared in the collection's @context, which the items inherit): `glossa:layer`,
 * `glossa:stanceTarget` (a project target or a span annotation), `glossa:relationSource` and
 * `glossa:relationTarget` (a relation's direction, which a JSON-LD set of targets loses),
 * `glossa:question`, and `glossa:attributes` (typed @json, so attribute values stay JSON).
 * A span's provenance: `glossa:origin` (MANUAL, IMPORTED, SUGGESTED, ADJUDICATED) and
 * `glossa:sourceIds`; and for an accepted model suggestion the body's `creator` is the recommender,
 * an agent of the model's class `Software` (§3.3.1: a body may have its own creator), while the
 * annotation's `creator` stays the person who accepted it.
 * Creation times are not in the export model and are not written.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const QUOTE_CONTEXT = 32;

interface W3cOptions {
  /** Absolute IRI under which the collection, documents, annotations, annotators and targets are named. */
  baseUrl: string;
  label?: string;
  /** IRI of the extension namespace; default `<baseUrl>/ns#`. */
  namespace?: string;
}

type JsonObject = Record<string, unknown>;

function names(options: W3cOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const iri = (...segments: string[]) => [base, ...segments.map(encodeURIComponent)].join('/');
  return {
    collection: iri('collection'),
    namespace: options.namespace ?? `${base}/ns#`,
    document: (docId: string) => iri('documents', docId),
    span: (docId: string, spanId: string) => iri('documents', docId, 'spans', spanId),
    relation: (docId: string, relationId: string) => iri('documents', docId, 'relations', relationId),
    answer: (docId: string, answer: ExportDocumentLabel) =>
      iri('documents', docId, 'answers', answer.author, answer.question, ...(answer.target === undefined ? [] : [answer.target])),
    annotator: (author: string) => iri('annotators', author),
    recommender: (id: string) => iri('recommenders', id),
    target: (key: string) => iri('targets', key),
  };
}

const tag = (value: string) => ({ type: 'TextualBody', purpose: 'tagging', value });
const extensionAttributes = (attributes: Record<string, unknown>) => (Object.keys(attributes).length > 0 ? { 'glossa:attributes': attributes } : {});

function quoteSelector(points: readonly string[], span: ExportSpan): JsonObject {
  const prefix = sliceCodePoints(points, Math.max(0, span.start - QUOTE_CONTEXT), span.start);
  const suffix = sliceCodePoints(points, span.end, span.end + QUOTE_CONTEXT);
  return { type: 'TextQuoteSelector', exact: span.quote, ...(prefix && { prefix }), ...(suffix && { suffix }) };
}

/** The label; proposed by a recommender when the span is an accepted suggestion. */
function spanBody(span: ExportSpan, recommenderIri: (id: string) => string): JsonObject {
  const recommender = span.origin === 'SUGGESTED' ? recommenderOf(span) : undefined;
  return recommender === undefined ? tag(span.label) : { ...tag(span.label), creator: { id: recommenderIri(recommender), type: 'Software' } };
}

/** The annotations of one document, as objects (without @context: the collection supplies it). */
export function w3cAnnotations(doc: ExportDocument, options: W3cOptions): JsonObject[] {
  const iri = names(options);
  const points = codePoints(doc.text);
  const source = iri.document(doc.id);
  const spanIri = (spanId: string) => iri.span(doc.id, spanId);
  const spans = doc.spans.map((span) => ({
    id: spanIri(span.id),
    type: 'Annotation',
    motivation: span.layer === 'STANCE' ? 'classifying' : 'tagging',
    creator: iri.annotator(span.author),
    body: [spanBody(span, iri.recommender)],
    target: {
      type: 'SpecificResource',
      source,
      selector: [quoteSelector(points, span), { type: 'TextPositionSelector', start: span.start, end: span.end }],
    },
    'glossa:layer': span.layer,
    ...(span.target && { 'glossa:stanceTarget': span.target.kind === 'target' ? iri.target(span.target.key) : spanIri(span.target.spanId) }),
    ...(span.origin && { 'glossa:origin': span.origin }),
    ...(span.sourceIds && span.sourceIds.length > 0 && { 'glossa:sourceIds': span.sourceIds }),
    ...extensionAttributes(span.attributes),
  }));
  const relations = doc.relations.map((relation) => ({
    id: iri.relation(doc.id, relation.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: iri.annotator(relation.author),
    body: [tag(relation.label)],
    target: [spanIri(relation.source), spanIri(relation.target)],
    'glossa:layer': 'RELATION',
    'glossa:relationSource': spanIri(relation.source),
    'glossa:relationTarget': spanIri(relation.target),
    ...extensionAttributes(relation.attributes),
  }));
  const answers = doc.documentLabels.map((answer) => ({
    id: iri.answer(doc.id, answer),
    type: 'Annotation',
    motivation: 'classifying',
    creator: iri.annotator(answer.author),
    ...(answer.values.length > 0 && { body: answer.values.map((value) => ({ type: 'TextualBody', purpose: 'classifying', value })) }),
    target: source,
    'glossa:layer': 'DOCUMENT',
    'glossa:question': answer.question,
    ...(answer.target !== undefined && { 'glossa:stanceTarget': iri.target(answer.target) }),
  }));
  return [...spans, ...relations, ...answers];
}

interface W3cCollectionWriter {
  header(): string;
  /** The document's annotations, each on its own line and comma-separated from the ones before. */
  document(doc: ExportDocument): string;
  footer(): string;
}

export function createW3cCollection(options: W3cOptions): W3cCollectionWriter {
  const iri = names(options);
  let total = 0;
  const context = [
    ANNO_CONTEXT,
    {
      '@version': 1.1,
      glossa: iri.namespace,
      'glossa:attributes': { '@type': '@json' },
      'glossa:stanceTarget': { '@type': '@id' },
      'glossa:relationSource': { '@type': '@id' },
      'glossa:relationTarget': { '@type': '@id' },
    },
  ];
  // Both objects stay open: their last member, the items array, is streamed.
  const open = (value: JsonObject) => JSON.stringify(value).slice(0, -1);
  return {
    header: () =>
      `${open({ '@context': context, id: iri.collection, type: 'AnnotationCollection', label: options.label ?? 'Glossa export' })},"first":${open({
        id: `${iri.collection}/page/1`,
        type: 'AnnotationPage',
        startIndex: 0,
      })},"items":[`,
    document: (doc) =>
      w3cAnnotations(doc, options)
        .map((annotation) => `${total++ === 0 ? '' : ','}\n${JSON.stringify(annotation)}`)
        .join(''),
    footer: () => `\n]},"total":${total}}\n`,
  };
}
