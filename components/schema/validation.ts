import { LAYER_TITLES } from '@/components/projects/layers';
import { schemaDefinition } from '@/lib/schema/definition';
import { serialize, type Draft, type DraftLabel, type Serialized } from './model';

/**
 * Problems in a draft, keyed by the field they belong to. The client runs the
 * server's own validator (lib/schema/definition.ts) for instant feedback, and
 * maps the server's error paths (`body.labels.3.hotkey`) onto the same keys,
 * so both kinds of error appear in the same place.
 */
export interface Problems {
  fields: Map<string, string>;
  /** Problems no field owns. */
  general: string[];
}

export const TARGETS_FIELD = 'targets';

export const fieldKey = (uid: string, field: string) => `${uid}.${field}`;
export const optionFieldKey = (labelUid: string, optionUid: string, field: 'key' | 'name') => `${labelUid}.options.${optionUid}.${field}`;
/** The DOM id of a field's control, so an error summary can link to it. */
export const controlId = (key: string) => `schema-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function checkDraft(draft: Draft): Problems {
  const serialized = serialize(draft);
  const problems: Problems = { fields: new Map(), general: [] };
  const result = schemaDefinition.safeParse(serialized.body);
  if (!result.success) for (const issue of result.error.issues) place(problems, issue.path, issue.message, serialized);
  // Zod checks the rules across labels only once every label has a valid shape; these matter while typing, so they run always.
  for (const [field, message] of editorChecks(draft)) problems.fields.set(field, message);
  return problems;
}

export function serverProblems(details: unknown, serialized: Serialized): Problems {
  const problems: Problems = { fields: new Map(), general: [] };
  for (const detail of Array.isArray(details) ? details : []) {
    if (!isPathMessage(detail)) continue;
    const [where, ...path] = detail.path.split('.');
    if (where === 'body')
      place(
        problems,
        path.map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        detail.message,
        serialized,
      );
    else problems.general.push(detail.message);
  }
  return problems;
}

function isPathMessage(value: unknown): value is { path: string; message: string } {
  const candidate = value as { path?: unknown; message?: unknown } | null;
  return typeof candidate?.path === 'string' && typeof candidate.message === 'string';
}

function place(problems: Problems, path: readonly PropertyKey[], message: string, serialized: Serialized) {
  const text = readable(message, serialized);
  const field = fieldFor(path, serialized);
  if (field === undefined) problems.general.push(text);
  else if (!problems.fields.has(field)) problems.fields.set(field, text);
}

/** The validator's wording, with list positions turned into label names and zod's generic "too small" into plain words. */
function readable(message: string, { labels }: Serialized): string {
  if (/^Too small: expected string to have >=1 character/.test(message)) return 'required';
  return message.replace(/labels\[(\d+)\]/g, (reference, index: string) => {
    const label = labels[Number(index)];
    return label ? describeLabel(label) : reference;
  });
}

function fieldFor(path: readonly PropertyKey[], { labels, targets }: Serialized): string | undefined {
  const [collection, index, field, item, itemField] = path;
  const name = typeof field === 'string' ? field : 'key';
  if (collection === 'targets') {
    if (index === undefined) return TARGETS_FIELD;
    const target = typeof index === 'number' ? targets[index] : undefined;
    return target && fieldKey(target.uid, name);
  }
  const label = collection === 'labels' && typeof index === 'number' ? labels[index] : undefined;
  if (!label) return undefined;
  const option = field === 'options' && typeof item === 'number' ? label.options[item] : undefined;
  return option ? optionFieldKey(label.uid, option.uid, itemField === 'name' ? 'name' : 'key') : fieldKey(label.uid, name);
}

export function describeLabel(label: Pick<DraftLabel, 'name' | 'key' | 'layer'>): string {
  return `“${label.name.trim() || label.key || 'new label'}” (${LAYER_TITLES[label.layer]})`;
}

/** Clashes phrased with label names rather than list positions, and what a retired label leaves behind. */
function editorChecks(draft: Draft): Map<string, string> {
  const found = new Map<string, string>();
  const retired = new Map(draft.retiredLabels.map((label) => [label.uid, label]));
  for (const label of draft.labels) {
    for (const end of ['sourceTypes', 'targetTypes'] as const) {
      const gone = label[end].flatMap((uid) => retired.get(uid) ?? []);
      if (gone.length > 0)
        found.set(fieldKey(label.uid, end), `${gone.map(describeLabel).join(', ')} ${gone.length === 1 ? 'is' : 'are'} retired: untick or restore`);
    }
    if (label.hotkey !== '') {
      const others = draft.labels.filter((other) => other !== label && other.hotkey === label.hotkey);
      if (others.length > 0) found.set(fieldKey(label.uid, 'hotkey'), `“${label.hotkey}” is also the hotkey of ${others.map(describeLabel).join(', ')}`);
    }
    if (label.stored || label.key === '') continue;
    const sameKey = (other: DraftLabel) => other !== label && other.layer === label.layer && other.key === label.key;
    const retiredTwin = draft.retiredLabels.find(sameKey);
    if (retiredTwin) {
      found.set(fieldKey(label.uid, 'key'), `${label.key} is the key of the retired label ${describeLabel(retiredTwin)}: restore that label instead`);
    } else if (draft.labels.some(sameKey)) {
      found.set(fieldKey(label.uid, 'key'), `another ${LAYER_TITLES[label.layer]} label already has the key ${label.key}`);
    }
  }
  return found;
}
