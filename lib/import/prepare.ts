import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Origin } from '@/lib/generated/prisma/enums';
import { sha256 } from '@/lib/documents/store';
import {
  checkAnswer,
  checkLabel,
  checkOffsets,
  checkRelation,
  checkSpanLabel,
  checkSpanNote,
  checkStanceTarget,
  checkTarget,
  findOverlaps,
  type Checked,
  type SpanFact,
  type Violation,
} from '@/lib/annotations/invariants';
import { takeRemarks } from '@/lib/formats/span-remarks';
import { normalizeText } from '@/lib/offsets';
import { remapperFor } from './remap';
import type { SchemaLookup } from './schema-lookup';
import type { ImportedDocument, SourceLocation } from './types';

/**
 * Turns one parsed document into database rows, or into the reasons it cannot be
 * stored. Pure apart from the lookups it is given; the annotation rules themselves are
 * lib/annotations/invariants.ts, applied to the document's spans in memory.
 */
interface PrepareContext {
  projectId: string;
  lookup: SchemaLookup;
  allowOverlap: boolean;
  origin: Origin;
  unknownLabels: 'reject' | 'skip';
  /** Maps a source author (or undefined) to an author id; null = gold. Returns a reason string when it cannot. */
  author(source: string | undefined): string | null | { error: string };
}

/** A note attribute becomes the span's note when it is one the API would store as given; others stay attributes. */
export const fitsNote = (text: string) => text.trim() !== '' && checkSpanNote(text).ok;

export interface PreparedDocument {
  document: Prisma.DocumentCreateManyInput;
  annotations: Prisma.AnnotationCreateManyInput[];
  relations: Prisma.RelationCreateManyInput[];
  documentLabels: Prisma.DocumentLabelCreateManyInput[];
}

export interface Problem {
  location: SourceLocation;
  reason: string;
}

/** `skipped`: what the schema could not take and the source marked as optional (ImportedRelation.unlessLabelMissing), counted by reason. */
export type Prepared =
  | {
      ok: true;
      rows: Omit<PreparedDocument, 'document'> & { document: Omit<Prisma.DocumentCreateManyInput, 'position'> };
      skippedLabels: string[];
      skipped: Record<string, number>;
    }
  | { ok: false; problems: Problem[] };

export function prepareDocument(doc: ImportedDocument, context: PrepareContext): Prepared {
  const problems: Problem[] = [];
  const skippedLabels: string[] = [];
  const skipped: Record<string, number> = {};
  const remap = remapperFor(doc.text);
  if (remap.text.trim() === '') return { ok: false, problems: [{ location: doc.location, reason: `document "${doc.name}" has no text` }] };
  const documentId = randomUUID();
  // What the invariants need about this document, in memory: every span by its source ref, and all of them for the overlap rule.
  const refs = new Map<string, SpanFact>();
  const facts: SpanFact[] = [];
  const annotations: (Prisma.AnnotationCreateManyInput & { layer: string })[] = [];
  const pendingSpanTargets: { row: Prisma.AnnotationCreateManyInput; fact: SpanFact; ref: string; where: string; location: SourceLocation }[] = [];

  const authorOf = (source: string | undefined, location: SourceLocation): string | null | undefined => {
    const resolved = context.author(source);
    if (resolved !== null && typeof resolved === 'object') {
      problems.push({ location, reason: resolved.error });
      return undefined;
    }
    return resolved;
  };
  /** The checked value, or undefined with the violation reported for `where`. */
  const holds = <T>(checked: Checked<T>, where: string, location: SourceLocation, message = (v: Violation) => v.message): T | undefined => {
    if (checked.ok) return checked.value;
    problems.push({ location, reason: `${where}: ${message(checked.violation)}` });
    return undefined;
  };

  for (const span of doc.spans) {
    const where = `span [${span.start},${span.end}) "${span.label}"`;
    const resolved = context.lookup.spanLabel(span.label, span.layer);
    if (!resolved.ok) {
      if (resolved.unknownLabel !== undefined && context.unknownLabels === 'skip') skippedLabels.push(resolved.unknownLabel);
      else
        problems.push({
          location: span.location,
          reason: `${where}: ${resolved.reason}${resolved.unknownLabel ? ' (map it to a schema label, or choose to skip unknown labels)' : ''}`,
        });
      continue;
    }
    const label = holds(checkSpanLabel(resolved.value, resolved.value.id), where, span.location);
    if (!label) continue;
    const start = remap.map(span.start);
    const end = remap.map(span.end);
    if (start < 0 || end < 0) {
      problems.push({ location: span.location, reason: `${where}: offsets are outside the text` });
      continue;
    }
    const quote = holds(
      checkOffsets(remap.index, { start, end, quote: span.quote === undefined ? undefined : normalizeText(span.quote) }),
      where,
      span.location,
      (v) => v.reason,
    );
    if (quote === undefined) continue;
    const authorId = authorOf(span.author, span.location);
    if (authorId === undefined) continue;
    const { attributes, unsure, note } = takeRemarks(span.attributes ?? {}, fitsNote);
    const row = {
      id: randomUUID(),
      documentId,
      authorId,
      labelId: label.id,
      start,
      end,
      quote,
      attributes: attributes as Prisma.InputJsonObject,
      unsure,
      note,
      origin: span.origin ?? context.origin,
      ...(span.sourceIds && { sourceIds: span.sourceIds }),
      layer: label.layer,
    };
    const fact: SpanFact = { id: row.id, authorId, layer: label.layer, labelKey: label.key, start, end, quote };
    if (span.ref !== undefined) refs.set(span.ref, fact);
    facts.push(fact);
    if (typeof span.target === 'object') pendingSpanTargets.push({ row, fact, ref: span.target.span, where, location: span.location });
    else {
      const named = span.target === undefined ? undefined : context.lookup.target(span.target);
      if (named && !named.ok) {
        problems.push({ location: span.location, reason: `${where}: ${named.reason}` });
        continue;
      }
      const target = holds(checkStanceTarget(fact, named ? { kind: 'target', id: named.value.id } : null, named?.value), where, span.location);
      if (!target) continue;
      Object.assign(row, target);
    }
    annotations.push(row);
  }

  // Span targets once every span is known: a stance may come before the entity it names.
  for (const { row, fact, ref, where, location } of pendingSpanTargets) {
    const target = holds(checkStanceTarget(fact, { kind: 'span', id: ref }, refs.get(ref)), where, location);
    if (target) Object.assign(row, target);
  }

  for (const { violation } of findOverlaps(context.allowOverlap, facts)) problems.push({ location: doc.location, reason: violation.message });

  const relations: Prisma.RelationCreateManyInput[] = [];
  for (const relation of doc.relations) {
    const resolved = context.lookup.relationLabel(relation.label);
    const where = `relation ${relation.label} ${relation.source} → ${relation.target}`;
    if (!resolved.ok) {
      if (resolved.unknownLabel !== undefined && relation.unlessLabelMissing !== undefined)
        skipped[relation.unlessLabelMissing] = (skipped[relation.unlessLabelMissing] ?? 0) + 1;
      else if (resolved.unknownLabel !== undefined && context.unknownLabels === 'skip') skippedLabels.push(resolved.unknownLabel);
      else problems.push({ location: relation.location, reason: `${where}: ${resolved.reason}` });
      continue;
    }
    const authorId = authorOf(relation.author, relation.location);
    if (authorId === undefined) continue;
    const source = refs.get(relation.source);
    const target = refs.get(relation.target);
    const checked = holds(
      checkRelation({ labelId: resolved.value.id, sourceId: relation.source, targetId: relation.target, authorId }, resolved.value, source, target),
      where,
      relation.location,
    );
    if (!checked) continue;
    relations.push({
      id: randomUUID(),
      documentId,
      authorId,
      labelId: checked.id,
      sourceId: source!.id,
      targetId: target!.id,
      attributes: (relation.attributes ?? {}) as Prisma.InputJsonObject,
      origin: context.origin,
    });
  }

  const documentLabels: Prisma.DocumentLabelCreateManyInput[] = [];
  for (const answer of doc.documentLabels) {
    const question = context.lookup.question(answer.question);
    const where = `answer to ${answer.question}`;
    if (!question.ok) {
      if (question.unknownLabel !== undefined && context.unknownLabels === 'skip') skippedLabels.push(question.unknownLabel);
      else problems.push({ location: answer.location, reason: `${where}: ${question.reason}` });
      continue;
    }
    if (!holds(checkLabel(question.value, question.value.id, 'question'), where, answer.location)) continue;
    const questionFact = { ...question.value, options: question.value.options as { key: string }[] };
    const values = context.lookup.optionValues(question.value, answer.values);
    if (holds(checkAnswer(questionFact, { values, hasTarget: answer.target !== undefined }), where, answer.location) === undefined) continue;
    let targetId: string | undefined;
    if (answer.target !== undefined) {
      const target = context.lookup.target(answer.target);
      if (!target.ok) {
        problems.push({ location: answer.location, reason: `${where}: ${target.reason}` });
        continue;
      }
      if (!holds(checkTarget(target.value, answer.target, 'target'), where, answer.location)) continue;
      targetId = target.value.id;
    }
    const authorId = authorOf(answer.author, answer.location);
    if (authorId === undefined) continue;
    documentLabels.push({ id: randomUUID(), documentId, authorId, labelId: question.value.id, targetId, values, origin: context.origin });
  }

  if (problems.length > 0) return { ok: false, problems };
  // Entity spans first: stance spans may point at them, and the insert may be split into several statements.
  annotations.sort((a, b) => Number(b.layer === 'ENTITY') - Number(a.layer === 'ENTITY'));
  return {
    ok: true,
    skippedLabels,
    skipped,
    rows: {
      document: {
        id: documentId,
        projectId: context.projectId,
        name: doc.name,
        text: remap.text,
        sha256: sha256(remap.text),
        metadata: doc.metadata as Prisma.InputJsonObject,
      },
      annotations: annotations.map(({ layer: _layer, ...row }) => row),
      relations,
      documentLabels,
    },
  };
}
