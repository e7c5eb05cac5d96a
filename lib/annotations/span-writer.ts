import { randomUUID } from 'node:crypto';
import { assertGoldWriter } from '@/lib/access/project-access';
import { assertLayerWritable } from '@/lib/assignments/writable';
import type { DbClient } from '@/lib/db/client';
import { recordEvents, type EventInput } from '@/lib/events/log';
import { annotationSnapshot, relationSnapshot } from '@/lib/events/snapshots';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AssignmentStatus } from '@/lib/generated/prisma/enums';
import { conflict, forbidden, notFound, versionConflict } from '@/lib/http/errors';
import type { SpanLayer } from '@/lib/schema/types';
import {
  checkDeletable,
  checkOffsets,
  checkOverlap,
  checkRelabel,
  checkSpanLabel,
  checkSpanNote,
  checkStanceTarget,
  type Checked,
  type LabelFact,
  type SpanFact,
  type TargetFact,
  type TargetRef,
} from './invariants';
import { violationError, type SpanDraft } from './rules';
import { toWire } from './serialize';
import type { Actor, DocumentContext } from './service';
import { loadLabels, loadLayer, loadRelations, loadSpan, loadSpans, loadTargets, storeSpans, type RelationFields, type SpanRow } from './span-store';

/** The author's flag and note on a span (invariants.ts, checkSpanNote). */
export interface SpanRemarks {
  unsure?: boolean;
  note?: string | null;
}

export interface NewSpan extends SpanDraft, SpanRemarks {
  attributes?: Prisma.InputJsonObject;
  gold?: boolean;
}

export interface SpanChange extends SpanRemarks {
  version: number;
  labelId?: string;
  start?: number;
  end?: number;
  quote?: string;
  target?: TargetRef | null;
  attributes?: Prisma.InputJsonObject;
}

/** Where a new span came from: typed by hand, or accepted from a suggestion (provenance in `sourceIds`). */
export interface SpanOrigin {
  origin: 'MANUAL' | 'SUGGESTED';
  sourceIds?: string[];
}

/** Writers may touch their own layer; gold needs the curator's permission. */
export function layerOwner(actor: Actor, gold: boolean): string | null {
  if (!gold) return actor.userId;
  assertGoldWriter(actor.access.role);
  return null;
}

interface Tracked {
  row: SpanRow;
  /** The version the database holds, or null while the span exists only here. */
  stored: number | null;
  dirty: boolean;
}

/**
 * Every span create, update and delete of the API — one request or each operation of a batch —
 * inside `inDocument`'s transaction. What is per document or per caller is read once per writer
 * (labels, targets, the caller's layer as the overlap index, each layer's blind-rule check); each
 * operation then runs the invariants (invariants.ts) over the writer's state in memory, so a later
 * operation sees what earlier ones did, and appends its own events (before/after, its own version
 * bump). `flush` stores it all in a few statements (span-store.ts) and the events in one insert.
 * Adding a column to spans: annotationFields (serialize.ts) and the snapshot, the input types
 * here and the row `createIn` and `update` build; span-store.ts writes every column a row holds.
 */
export class SpanWriter {
  /** One clock for the run, like the events of one recordEvents call. */
  private readonly now = new Date();
  private readonly rows = new Map<string, Tracked>();
  /** Layers (author ids, null for gold) whose live spans are all in `rows`. */
  private readonly layers = new Set<string | null>();
  private readonly relations = new Map<string | null, Map<string, RelationFields>>();
  /** Each layer's assignment status once its blind rules were checked (null for gold). */
  private readonly writable = new Map<string | null, AssignmentStatus | null>();
  private readonly labels = new Map<string, LabelFact>();
  private labelsRead = false;
  private targets?: Map<string, TargetFact>;
  private events: EventInput[] = [];
  private deletedRelations: string[] = [];
  private started = new Set<string>();

  constructor(
    private readonly tx: DbClient,
    private readonly document: DocumentContext,
    private readonly actor: Actor,
  ) {}

  /**
   * Reads in one statement the spans that operations addressing `ids` will need (see loadSpans).
   * Creating spans where overlaps are allowed needs no layer, so that case reads nothing.
   */
  async prefetch(ids: readonly string[], gold: boolean): Promise<void> {
    if (ids.length === 0 && this.document.allowOverlap) return;
    const rows = await loadSpans(this.tx, this.document.documentId, this.actor.userId, ids, gold);
    this.track(rows);
    this.layers.add(this.actor.userId);
    if (gold || rows.some((row) => row.authorId === null)) this.layers.add(null);
  }

  create(input: NewSpan) {
    return this.createIn(layerOwner(this.actor, input.gold ?? false), input);
  }

  /** The one path that creates a span in a layer: typed by hand, in a batch, or accepted from a suggestion. */
  async createIn(authorId: string | null, input: NewSpan, from: SpanOrigin = { origin: 'MANUAL' }) {
    await this.loadLabels();
    const status = await this.assertWritable(authorId);
    const { label, ...fields } = await this.check(input, authorId);
    const row: SpanRow = {
      id: randomUUID(),
      documentId: this.document.documentId,
      authorId,
      ...fields,
      // What the client sent, stored as sent (the column's JSON type, as Prisma reads it back).
      attributes: (input.attributes ?? {}) as Prisma.JsonObject,
      unsure: false,
      note: null,
      ...remarks(input),
      origin: from.origin,
      sourceIds: from.sourceIds ?? [],
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
      deletedAt: null,
    };
    this.rows.set(row.id, { row, stored: null, dirty: true });
    this.events.push({ ...this.about(row), action: 'CREATE', after: annotationSnapshot(row) });
    if (authorId !== null && status === 'ASSIGNED') this.started.add(authorId);
    return this.wire(row);
  }

  async update(id: string, change: SpanChange) {
    const tracked = await this.owned(id);
    const current = tracked.row;
    await this.assertWritable(current.authorId);
    if (current.version !== change.version) {
      throw versionConflict(`This annotation changed since you loaded it (version ${current.version}, you sent ${change.version}).`, this.wire(current));
    }
    const draft: SpanDraft = {
      labelId: change.labelId ?? current.labelId,
      start: change.start ?? current.start,
      end: change.end ?? current.end,
      quote: change.quote,
      target: change.target !== undefined ? change.target : currentTarget(current),
    };
    const { label, ...fields } = await this.check(draft, current.authorId, current.id);
    const next: SpanRow = {
      ...current,
      ...fields,
      ...(change.attributes ? { attributes: change.attributes as Prisma.JsonObject } : {}),
      ...remarks(change),
      version: current.version + 1,
      updatedAt: this.now,
    };
    if (next.labelId !== current.labelId) await this.checkDependents(next);
    this.change(tracked, next);
    this.events.push({ ...this.about(next), action: 'UPDATE', before: annotationSnapshot(current), after: annotationSnapshot(next) });
    return this.wire(next);
  }

  /**
   * Deleting a span also deletes the relations that use it; a span that stance
   * spans point at must be released first, so no stance loses its target silently.
   */
  async delete(id: string, version?: number): Promise<void> {
    const tracked = await this.owned(id);
    const current = tracked.row;
    await this.assertWritable(current.authorId);
    if (version !== undefined && current.version !== version) {
      throw versionConflict(`This annotation changed since you loaded it (version ${current.version}).`, this.wire(current));
    }
    // A stance targets a span of its own layer (checkStanceTarget, for every writer), so the layer holds them all.
    const layer = await this.layer(current.authorId);
    const deletable = checkDeletable(layer.filter((span) => span.targetAnnotationId === id).length);
    if (!deletable.ok) throw conflict(deletable.violation.message);
    const relations = await this.relationsOf(current.authorId);
    for (const relation of relations.values()) {
      if (relation.sourceId !== id && relation.targetId !== id) continue;
      relations.delete(relation.id);
      this.deletedRelations.push(relation.id);
      this.events.push({
        ...this.about(relation),
        entity: 'RELATION',
        entityId: relation.id,
        action: 'DELETE',
        before: relationSnapshot(relation),
      });
    }
    this.change(tracked, { ...current, deletedAt: this.now, updatedAt: this.now });
    this.events.push({ ...this.about(current), action: 'DELETE', before: annotationSnapshot(current) });
  }

  /** Stores what the operations so far did (spans, cascaded relations, events) and starts the assignments they began. */
  async flush(): Promise<void> {
    const created: SpanRow[] = [];
    const changed: Array<{ row: SpanRow; storedVersion: number }> = [];
    for (const tracked of this.rows.values()) {
      if (!tracked.dirty) continue;
      if (tracked.stored === null) created.push(tracked.row);
      else changed.push({ row: tracked.row, storedVersion: tracked.stored });
      tracked.stored = tracked.row.version;
      tracked.dirty = false;
    }
    await storeSpans(this.tx, { created, changed, deletedRelations: this.deletedRelations, at: this.now });
    await recordEvents(this.tx, this.events);
    for (const userId of this.started) {
      await this.tx.assignment.updateMany({
        where: { documentId: this.document.documentId, userId, status: 'ASSIGNED' },
        data: { status: 'IN_PROGRESS', startedAt: this.now },
      });
      this.writable.set(userId, 'IN_PROGRESS');
    }
    this.events = [];
    this.deletedRelations = [];
    this.started = new Set();
  }

  /** After relations were written around this writer (a batch's relation operations), their layer is read again when needed. */
  forgetRelations(): void {
    this.relations.clear();
  }

  /** The blind rules of a layer (lib/assignments/writable.ts), checked once per writer: only this transaction can change them. */
  private async assertWritable(authorId: string | null): Promise<AssignmentStatus | null> {
    if (!this.writable.has(authorId)) this.writable.set(authorId, await assertLayerWritable(this.tx, this.actor, this.document.documentId, authorId));
    return this.writable.get(authorId)!;
  }

  /** The API's side of the span invariants: the facts from this writer's state, a violation as the HTTP error the API answers. */
  private async check(draft: SpanDraft, authorId: string | null, selfId = '') {
    const label = valueOf(checkSpanLabel(this.labels.get(draft.labelId), draft.labelId));
    const quote = valueOf(checkOffsets(this.document.text, draft));
    const span = { id: selfId, authorId, layer: label.layer, labelKey: label.key, start: draft.start, end: draft.end };
    const target = valueOf(checkStanceTarget(span, draft.target, await this.targetFact(draft.target)));
    if (!this.document.allowOverlap) {
      const others = await this.layer(authorId);
      valueOf(
        checkOverlap(
          false,
          span,
          others.map((other) => this.fact(other)),
        ),
      );
    }
    return { labelId: draft.labelId, label: { key: label.key, layer: label.layer }, start: draft.start, end: draft.end, quote, ...target };
  }

  /** Before a span changes label: the stance spans and relations that depend on it stay valid. */
  private async checkDependents(span: SpanRow): Promise<void> {
    const relabelled = this.fact(span);
    const layer = await this.layer(span.authorId);
    const end = async (id: string) => (id === span.id ? relabelled : this.fact(await this.spanById(id)));
    const relations = [];
    for (const relation of (await this.relationsOf(span.authorId)).values()) {
      if (relation.sourceId !== span.id && relation.targetId !== span.id) continue;
      relations.push({ id: relation.id, type: this.labels.get(relation.labelId)!, source: await end(relation.sourceId), target: await end(relation.targetId) });
    }
    valueOf(checkRelabel(relabelled, layer.filter((other) => other.targetAnnotationId === span.id).length, relations));
  }

  /** The project target or the document span a stance names, whoever's it is (the rule judges). */
  private async targetFact(target: TargetRef | null): Promise<TargetFact | SpanFact | undefined> {
    if (!target) return undefined;
    if (target.kind === 'target') {
      this.targets ??= new Map((await loadTargets(this.tx, this.document.projectId)).map((t) => [t.id, t]));
      return this.targets.get(target.id);
    }
    const tracked = this.rows.get(target.id) ?? (await this.fetch(target.id));
    return tracked && !tracked.row.deletedAt ? this.fact(tracked.row) : undefined;
  }

  /** A live span of the document the caller may change, as the blind rules allow them to know of it. */
  private async owned(id: string): Promise<Tracked> {
    await this.loadLabels();
    const tracked = this.rows.get(id) ?? (await this.fetch(id));
    if (!tracked || tracked.row.deletedAt) throw notFound('Annotation');
    const { authorId } = tracked.row;
    if (authorId === null) layerOwner(this.actor, true);
    else if (authorId !== this.actor.userId) {
      if (!this.actor.access.seesOthersWork) throw notFound('Annotation');
      throw forbidden("You can change only your own annotations (or gold, as a curator); adjudicate to take another annotator's work into gold.");
    }
    return tracked;
  }

  /** A span not read yet: unless its layer is already all here, one query. */
  private async fetch(id: string): Promise<Tracked | undefined> {
    const row = await loadSpan(this.tx, this.document.documentId, id);
    if (row) this.track([row]);
    return row ? this.rows.get(id) : undefined;
  }

  private async spanById(id: string): Promise<SpanRow> {
    const tracked = this.rows.get(id) ?? (await this.fetch(id));
    if (!tracked) throw new Error(`relation end ${id} is not a live span of document ${this.document.documentId}`);
    return tracked.row;
  }

  /** The live spans of a layer as this run has left them (read from the database the first time). */
  private async layer(authorId: string | null): Promise<SpanRow[]> {
    if (!this.layers.has(authorId)) {
      this.track(await loadLayer(this.tx, this.document.documentId, authorId));
      this.layers.add(authorId);
    }
    const live: SpanRow[] = [];
    for (const { row } of this.rows.values()) if (row.authorId === authorId && !row.deletedAt) live.push(row);
    return live;
  }

  private async relationsOf(authorId: string | null): Promise<Map<string, RelationFields>> {
    let relations = this.relations.get(authorId);
    if (!relations) {
      relations = new Map((await loadRelations(this.tx, this.document.documentId, authorId)).map((r) => [r.id, r]));
      this.relations.set(authorId, relations);
    }
    return relations;
  }

  /** The label catalogue, read by every operation first (the checks, facts and wire shapes below read it). */
  private async loadLabels(): Promise<void> {
    if (this.labelsRead) return;
    this.labelsRead = true;
    for (const label of await loadLabels(this.tx, this.document.projectId)) this.labels.set(label.id, label);
  }

  /** Rows read from the database join the state, never replacing a span this run already holds (and may have changed). */
  private track(rows: readonly SpanRow[]): void {
    for (const row of rows) if (!this.rows.has(row.id)) this.rows.set(row.id, { row, stored: row.version, dirty: false });
  }

  private change(tracked: Tracked, next: SpanRow): void {
    tracked.row = next;
    tracked.dirty = true;
  }

  private fact(row: SpanRow): SpanFact {
    const label = this.labels.get(row.labelId)!;
    return { id: row.id, authorId: row.authorId, layer: label.layer as SpanLayer, labelKey: label.key, start: row.start, end: row.end, quote: row.quote };
  }

  /** The wire shape of a span as this run holds it; its label comes from the catalogue every write reads anyway. */
  private wire({ deletedAt: _deleted, ...row }: SpanRow) {
    const label = this.labels.get(row.labelId)!;
    return toWire({ ...row, label: { key: label.key, layer: label.layer as SpanLayer } });
  }

  /** Who changed which item: the part of its events every action shares. */
  private about(row: { id: string; documentId: string }) {
    return { projectId: this.document.projectId, documentId: row.documentId, actorId: this.actor.userId, entity: 'ANNOTATION' as const, entityId: row.id };
  }
}

function valueOf<T>(checked: Checked<T>): T {
  if (!checked.ok) throw violationError(checked.violation);
  return checked.value;
}

/** The flag and note to store, of those sent (a blank note clears it; a long one is refused naming `note`). */
function remarks({ unsure, note }: SpanRemarks): { unsure?: boolean; note?: string | null } {
  if (note === undefined) return unsure === undefined ? {} : { unsure };
  const checked = checkSpanNote(note);
  if (!checked.ok) throw violationError(checked.violation);
  return { ...(unsure === undefined ? {} : { unsure }), note: checked.value };
}

function currentTarget(row: SpanRow): TargetRef | null {
  if (row.targetId) return { kind: 'target', id: row.targetId };
  if (row.targetAnnotationId) return { kind: 'span', id: row.targetAnnotationId };
  return null;
}
