import { nextLabelColor } from '@/lib/schema/colors';
import { keyFromName } from '@/lib/schema/keys';
import type { Layer } from '@/lib/schema/types';
import { emptyLabel, emptyTarget, type Draft, type DraftLabel, type DraftTarget } from './model';

/**
 * Every change the editor can make to a draft. New uids come in the action, so
 * the reducer stays pure (React may run it twice).
 */
export type DraftAction =
  | { type: 'reset'; draft: Draft }
  | { type: 'addLabel'; layer: Layer; uid: string }
  | { type: 'updateLabel'; uid: string; patch: Partial<Omit<DraftLabel, 'uid' | 'stored' | 'layer'>> }
  | { type: 'moveLabel'; uid: string; by: -1 | 1 }
  | { type: 'addTarget'; uid: string }
  | { type: 'updateTarget'; uid: string; patch: Partial<Omit<DraftTarget, 'uid' | 'stored'>> }
  | { type: 'retire' | 'restore'; list: Retirable; uid: string };

export function draftReducer(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'reset':
      return action.draft;
    case 'addLabel': {
      // Retired labels count too: their spans are still drawn in the text.
      const color = nextLabelColor([...draft.labels, ...draft.retiredLabels].map((label) => label.color));
      return { ...draft, labels: [...draft.labels, { ...emptyLabel(action.layer, action.uid), color }] };
    }
    case 'updateLabel':
      return { ...draft, labels: patch(draft.labels, action.uid, action.patch) };
    case 'moveLabel':
      return { ...draft, labels: moveWithinLayer(draft.labels, action.uid, action.by) };
    case 'addTarget':
      return { ...draft, targets: [...draft.targets, emptyTarget(action.uid)] };
    case 'updateTarget':
      return { ...draft, targets: patch(draft.targets, action.uid, action.patch) };
    case 'retire':
      return retire(draft, action.list, action.uid);
    case 'restore':
      return restore(draft, action.list, action.uid);
  }
}

/** The lists whose items can be retired, each with the list its retired items wait in. */
const RETIRED = { labels: 'retiredLabels', targets: 'retiredTargets' } as const;
type Retirable = keyof typeof RETIRED;

/** A saved item moves to its retired list; one the server never saw has no annotations to keep: it simply goes. */
function retire(draft: Draft, list: Retirable, uid: string): Draft {
  const retired = RETIRED[list];
  const [moved, rest] = take<DraftLabel | DraftTarget>(draft[list], uid);
  return { ...draft, [list]: rest, [retired]: moved?.stored ? [...draft[retired], moved] : draft[retired] };
}

/** A retired item goes back to the end of its list. */
function restore(draft: Draft, list: Retirable, uid: string): Draft {
  const retired = RETIRED[list];
  const [moved, rest] = take<DraftLabel | DraftTarget>(draft[retired], uid);
  return moved ? { ...draft, [retired]: rest, [list]: [...draft[list], moved] } : draft;
}

type Keyed = { uid: string; stored: boolean; key: string; name: string };

function patch<T extends Keyed, C extends Partial<T>>(items: T[], uid: string, changes: C): T[] {
  return items.map((item) => (item.uid === uid ? { ...item, ...changes, ...followingKey(item, changes) } : item));
}

/**
 * A new item's key follows its name ("Armed group" → ARMED_GROUP) until the user types a key of
 * their own; a saved item's key never changes (exports refer to it).
 */
function followingKey(item: Keyed, changes: Partial<Keyed>): Partial<Keyed> {
  if (item.stored || changes.name === undefined || changes.key !== undefined) return {};
  if (item.key !== '' && item.key !== keyFromName(item.name)) return {};
  return { key: keyFromName(changes.name) };
}

function take<T extends { uid: string }>(items: T[], uid: string): [T | undefined, T[]] {
  return [items.find((item) => item.uid === uid), items.filter((item) => item.uid !== uid)];
}

/** Swaps the label with its neighbour in the same layer; labels of other layers may sit between them. */
function moveWithinLayer(labels: DraftLabel[], uid: string, by: -1 | 1): DraftLabel[] {
  const from = labels.findIndex((label) => label.uid === uid);
  const label = labels[from];
  if (!label) return labels;
  let to = from + by;
  while (to >= 0 && to < labels.length && labels[to]?.layer !== label.layer) to += by;
  const neighbour = labels[to];
  if (!neighbour) return labels;
  const result = [...labels];
  result[from] = neighbour;
  result[to] = label;
  return result;
}
