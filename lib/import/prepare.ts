import { randomUUID } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Origin } from '@/lib/generated/prisma/enums';
import { sha256 } from '@/lib/documents/store';
import { normalizeText, validateSpan } from '@/lib/offsets';
import { remapperFor } from './remap';
import type { SchemaLookup, LabelRow } from './schema-lookup';
import type { ImportedDocument, SourceLocation } from './types';

/**
 * Turns one parsed document into database rows, or into the reasons it cannot be
 * stored. Pure apart from the lookups it is given, so every rule is in one place.
 */
export interface PrepareContext {
  projectId: string;
  lookup: SchemaLookup;
  allowOverlap: boolean;
  origin: Origin;
  unknownLabels: 'reject' | 'skip';
  /** Maps a source author (or undefined) to an author id; null = gold. Returns a reason string when it cannot. */
  author(source: string | undefined): string | null | { error: string };
}

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

export type Prepared = { ok: true; rows: Omit<PreparedDocument, 'document'> & { document: Omit<Prisma.DocumentCreateManyInput, 'position'> }; skippedLabels: string[] } | { ok: false; problems: Problem[] };

export function prepareDocument(doc: ImportedDocument, context: PrepareContext): Prepared {
  const problems: Problem[] = [];
  const skippedLabels: string[] = [];
  const remap = remapperFor(doc.text);
  if (remap.text.trim() === '') return { ok: false, problems: [{ location: doc.location, reason: `document "${doc.name}" has no text` }] };
  const documentId = randomUUID();
  const refs = new Map<string, { id: string; label: LabelRow }>();
  const annotations: (Prisma.AnnotationCreateManyInput & { layer: string })[] = [];
  const pendingSpanTargets: { row: Prisma.AnnotationCreateManyInput; ref: string; location: SourceLocation }[] = [];

  const authorOf = (source: string | undefined, location: SourceLocation): string | null | undefined => {
    const resolved = context.author(source);
    if (resolved !== null && typeof resolved === 'object') {
      problems.push({ location, reason: resolved.error });
      return undefined;
    }
    return resolved;
  };

  for (const span of doc.spans) {
    const where = `span [${span.start},${span.end}) "${span.label}"`;
    const label = context.lookup.spanLabel(span.label, span.layer);
    if (!label.ok) {
      if (label.unknownLabel !== undefined && context.unknownLabels === 'skip') skippedLabels.push(label.unknownLabel);
      else problems.push({ location: span.location, reason: `${where}: ${label.reason}${label.unknownLabel ? ' (map it to a schema label, or choose to skip unknown labels)' : ''}` });
      continue;
    }
    const start = remap.map(span.start);
    const end = remap.map(span.end);
    const check = validateSpan(remap.index, { start, end, quote: span.quote === undefined ? undefined : normalizeText(span.quote) });
    if (!check.ok) {
      problems.push({ location: span.location, reason: `${where}: ${start < 0 || end < 0 ? 'offsets are outside the text' : check.message}` });
      continue;
    }
    const authorId = authorOf(span.author, span.location);
    if (authorId === undefined) continue;
    const row = {
      id: randomUUID(),
      documentId,
      authorId,
      labelId: label.value.id,
      start,
      end,
      quote: check.quote,
      attributes: (span.attributes ?? {}) as Prisma.InputJsonObject,
      origin: context.origin,
      layer: label.value.layer,
    };
    if (span.ref !== undefined) refs.set(span.ref, { id: row.id, label: label.value });
    if (label.value.layer === 'STANCE') {
      if (span.target === undefined) {
        problems.push({ location: span.location, reason: `${where}: a STANCE span needs a target (a project target or an entity span)` });
        continue;
      }
      if (typeof span.target === 'string') {
        const target = context.lookup.target(span.target);
        if (!target.ok) {
          problems.push({ location: span.location, reason: `${where}: ${target.reason}` });
          continue;
        }
        Object.assign(row, { targetId: target.value });
      } else pendingSpanTargets.push({ row, ref: span.target.span, location: span.location });
    }
    annotations.push(row);
  }

  for (const { row, ref, location } of pendingSpanTargets) {
    const target = refs.get(ref);
    if (!target || target.label.layer !== 'ENTITY') problems.push({ location, reason: `stance target span "${ref}" is not an ENTITY span of this document` });
    else row.targetAnnotationId = target.id;
  }

  if (!context.allowOverlap) problems.push(...overlaps(annotations, doc.location));

  const relations: Prisma.RelationCreateManyInput[] = [];
  for (const relation of doc.relations) {
    const label = context.lookup.relationLabel(relation.label);
    const source = refs.get(relation.source);
    const target = refs.get(relation.target);
    const where = `relation ${relation.label} ${relation.source} → ${relation.target}`;
    if (!label.ok) {
      if (label.unknownLabel !== undefined && context.unknownLabels === 'skip') skippedLabels.push(label.unknownLabel);
      else problems.push({ location: relation.location, reason: `${where}: ${label.reason}` });
      continue;
    }
    if (!source || !target) {
      problems.push({ location: relation.location, reason: `${where}: ${!source ? relation.source : relation.target} is not a span of this document` });
      continue;
    }
    const allowed = (types: string[], end: { label: LabelRow }) => types.length === 0 || types.includes(end.label.key);
    if (!allowed(label.value.sourceTypes, source) || !allowed(label.value.targetTypes, target)) {
      problems.push({ location: relation.location, reason: `${where}: ${label.value.key} is not allowed from ${source.label.key} to ${target.label.key}` });
      continue;
    }
    const authorId = authorOf(relation.author, relation.location);
    if (authorId === undefined) continue;
    relations.push({ id: randomUUID(), documentId, authorId, labelId: label.value.id, sourceId: source.id, targetId: target.id, attributes: (relation.attributes ?? {}) as Prisma.InputJsonObject, origin: context.origin });
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
    const options = new Set((question.value.options as { key: string }[]).map((o) => o.key));
    const invalid = answer.values.filter((v) => !options.has(v));
    if (invalid.length > 0 || answer.values.length === 0 || (!question.value.multiple && answer.values.length > 1)) {
      problems.push({ location: answer.location, reason: `${where}: ${invalid.length ? `unknown option(s) ${invalid.join(', ')}` : answer.values.length === 0 ? 'no option chosen' : 'only one option may be chosen'}` });
      continue;
    }
    let targetId: string | undefined;
    if (question.value.perTarget) {
      const target = answer.target === undefined ? undefined : context.lookup.target(answer.target);
      if (!target?.ok) {
        problems.push({ location: answer.location, reason: `${where}: ${target ? target.reason : 'this question is asked per stance target; name the target'}` });
        continue;
      }
      targetId = target.value;
    }
    const authorId = authorOf(answer.author, answer.location);
    if (authorId === undefined) continue;
    documentLabels.push({ id: randomUUID(), documentId, authorId, labelId: question.value.id, targetId, values: answer.values, origin: context.origin });
  }

  if (problems.length > 0) return { ok: false, problems };
  // Entity spans first: stance spans may point at them, and the insert may be split into several statements.
  annotations.sort((a, b) => Number(b.layer === 'ENTITY') - Number(a.layer === 'ENTITY'));
  return {
    ok: true,
    skippedLabels,
    rows: {
      document: { id: documentId, projectId: context.projectId, name: doc.name, text: remap.text, sha256: sha256(remap.text), metadata: doc.metadata as Prisma.InputJsonObject },
      annotations: annotations.map(({ layer: _layer, ...row }) => row),
      relations,
      documentLabels,
    },
  };
}

/** With overlap forbidden, no two spans of one author may overlap within a layer. */
function overlaps(rows: (Prisma.AnnotationCreateManyInput & { layer: string })[], location: SourceLocation): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.authorId ?? 'gold'}|${row.layer}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1]!;
      const current = sorted[i]!;
      if (current.start < previous.end) {
        problems.push({ location, reason: `spans [${previous.start},${previous.end}) and [${current.start},${current.end}) overlap in layer ${current.layer}, which this project forbids` });
      }
    }
  }
  return problems;
}
