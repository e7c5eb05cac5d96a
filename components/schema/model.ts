import type { z } from 'zod';
import type { labelSchema } from '@/lib/api/schemas';
import { LAYERS, type LabelDefinition, type Layer, type SchemaDefinition, type TargetDefinition } from '@/lib/schema/types';

/**
 * The schema as the editor holds it while the user works on it. Every label,
 * option and target carries a `uid` that survives edits of its key, so React
 * rows, field errors and RELATION type choices stay attached to the right item
 * even before the item has a valid key.
 */

/** The schema as the server stores and returns it (GET and PUT /projects/{id}/schema). */
export type StoredSchema = z.output<typeof labelSchema>;
type StoredLabel = StoredSchema['labels'][number];
type StoredTarget = StoredSchema['targets'][number];

export interface DraftOption {
  uid: string;
  key: string;
  name: string;
}

export interface DraftLabel {
  uid: string;
  /** The server knows this (layer, key): the key can no longer change, and leaving the label out retires it. */
  stored: boolean;
  layer: Layer;
  key: string;
  name: string;
  description: string;
  color: string;
  /** '' = none. */
  hotkey: string;
  /** RELATION: uids of the ENTITY labels allowed at each end; empty = any. */
  sourceTypes: string[];
  targetTypes: string[];
  /** DOCUMENT questions. */
  options: DraftOption[];
  multiple: boolean;
  perTarget: boolean;
}

export interface DraftTarget {
  uid: string;
  stored: boolean;
  key: string;
  name: string;
  /** As typed: one per line, or comma-separated on one line. */
  aliases: string;
}

export interface Draft {
  /** Active labels; their order within a layer is the order annotators see. */
  labels: DraftLabel[];
  targets: DraftTarget[];
  retiredLabels: DraftLabel[];
  retiredTargets: DraftTarget[];
}

let lastUid = 0;
/** For items the server has not seen yet; stored items use their database id. */
export function newUid(): string {
  lastUid += 1;
  return `new-${lastUid}`;
}

export function emptyLabel(layer: Layer, uid: string): DraftLabel {
  return {
    uid,
    stored: false,
    layer,
    key: '',
    name: '',
    description: '',
    color: '#888888',
    hotkey: '',
    sourceTypes: [],
    targetTypes: [],
    options: layer === 'DOCUMENT' ? [{ uid: `${uid}-option-1`, key: '', name: '' }] : [],
    multiple: false,
    perTarget: false,
  };
}

export function emptyTarget(uid: string): DraftTarget {
  return { uid, stored: false, key: '', name: '', aliases: '' };
}

export function draftFromStored(schema: StoredSchema): Draft {
  // RELATION labels name ENTITY labels by key; the draft links them by uid.
  const entityUids = new Map(schema.labels.filter((label) => label.layer === 'ENTITY').map((label) => [label.key, label.id]));
  const uidsOf = (keys: string[]) => keys.flatMap((key) => entityUids.get(key) ?? []);
  const toLabel = (label: StoredLabel): DraftLabel => ({
    uid: label.id,
    stored: true,
    layer: label.layer,
    key: label.key,
    name: label.name,
    description: label.description,
    color: label.color,
    hotkey: label.hotkey ?? '',
    sourceTypes: uidsOf(label.sourceTypes),
    targetTypes: uidsOf(label.targetTypes),
    options: label.options.map((option, index) => ({ uid: `${label.id}-option-${index}`, ...option })),
    multiple: label.multiple,
    perTarget: label.perTarget,
  });
  const toTarget = (target: StoredTarget): DraftTarget => ({
    uid: target.id,
    stored: true,
    key: target.key,
    name: target.name,
    aliases: target.aliases.join('\n'),
  });
  // The server lists each kind by position, so the order is kept as it comes.
  return {
    labels: schema.labels.filter((label) => !label.retired).map(toLabel),
    targets: schema.targets.filter((target) => !target.retired).map(toTarget),
    retiredLabels: schema.labels.filter((label) => label.retired).map(toLabel),
    retiredTargets: schema.targets.filter((target) => target.retired).map(toTarget),
  };
}

/** The PUT body, with the draft items in body order so an error path `labels.3` finds its row. */
export interface Serialized {
  body: SchemaDefinition;
  labels: DraftLabel[];
  targets: DraftTarget[];
}

export function serialize(draft: Draft): Serialized {
  const labels = LAYERS.flatMap((layer) => draft.labels.filter((label) => label.layer === layer));
  const everyLabel = new Map([...draft.labels, ...draft.retiredLabels].map((label) => [label.uid, label]));
  const keysOf = (uids: string[]) => uids.map((uid) => everyLabel.get(uid)?.key ?? uid);
  const toDefinition = (label: DraftLabel): LabelDefinition => ({
    layer: label.layer,
    key: label.key,
    name: label.name,
    description: label.description,
    color: label.color,
    ...(label.hotkey !== '' && { hotkey: label.hotkey }),
    ...(label.layer === 'RELATION' && { sourceTypes: keysOf(label.sourceTypes), targetTypes: keysOf(label.targetTypes) }),
    ...(label.layer === 'DOCUMENT' && {
      options: label.options.map(({ key, name }) => ({ key, name })),
      multiple: label.multiple,
      perTarget: label.perTarget,
    }),
  });
  const toTarget = (target: DraftTarget): TargetDefinition => ({ key: target.key, name: target.name, aliases: splitAliases(target.aliases) });
  return {
    body: { labels: labels.map(toDefinition), targets: draft.targets.map(toTarget) },
    labels,
    targets: draft.targets,
  };
}

/** One alias per line; a single line may list them separated by commas. */
function splitAliases(text: string): string[] {
  const parts = text.includes('\n') ? text.split('\n') : text.split(',');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Whether the draft would change the saved schema (retired items follow from the active ones). */
export function sameSchema(a: Draft, b: Draft): boolean {
  return JSON.stringify(serialize(a).body) === JSON.stringify(serialize(b).body);
}

/** Keys are upper-case with underscores by rule, so typing "person name" gives PERSON_NAME. */
export function asKey(typed: string): string {
  return typed.toUpperCase().replace(/\s/g, '_');
}
