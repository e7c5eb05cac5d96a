/**
 * Disagreement units of the adjudication list, and where the keyboard goes next. A unit is
 * where annotators' candidates compete: spans of one layer that overlap in the text, or
 * relations/answers about the same thing. It is a disagreement when some candidate in it was
 * proposed by only some of the submitted annotators, and unresolved while gold holds none of
 * its candidates and no curator's gold span of its layer overlaps it.
 */

export interface UnitItem {
  key: string;
  /** Candidates compete only within a layer (or among relations, or answers). */
  layer: string;
  /** Code point extent of a span; null for relations and answers, grouped by `about` instead. */
  extent: { start: number; end: number } | null;
  /** What a relation or answer is about (its endpoints, its question and target). */
  about: string;
  /** Proposed by some but not all submitted annotators. */
  split: boolean;
  /** This candidate is in gold. */
  gold: boolean;
  /** A gold span no annotator proposed as it is: it resolves the units it overlaps, and disputes nothing. */
  goldOnly: boolean;
}

export interface Unit {
  /** The unit's items in list order; the first is where navigation lands. */
  keys: string[];
  disputed: boolean;
  resolved: boolean;
}

/** Units in the order of their first item in `items` (the list order j/k walks). */
export function disagreementUnits(items: readonly UnitItem[]): Unit[] {
  const units: { items: UnitItem[]; extent: { start: number; end: number } | null }[] = [];
  const open = new Map<string, (typeof units)[number]>();
  for (const item of items) {
    if (item.goldOnly) {
      units.push({ items: [item], extent: item.extent });
      continue;
    }
    const id = item.extent ? `span|${item.layer}` : `about|${item.layer}|${item.about}`;
    const current = open.get(id);
    // Spans come in text order within a layer, so an overlap can only be with the unit still open.
    if (current && (!item.extent || (current.extent && item.extent.start < current.extent.end))) {
      current.items.push(item);
      if (item.extent && current.extent) current.extent = { start: current.extent.start, end: Math.max(current.extent.end, item.extent.end) };
      continue;
    }
    const unit = { items: [item], extent: item.extent };
    units.push(unit);
    open.set(id, unit);
  }
  const curated = items.filter((item) => item.goldOnly && item.extent);
  return units.map(({ items: members, extent }) => ({
    keys: members.map((m) => m.key),
    disputed: members.some((m) => m.split),
    resolved:
      members.some((m) => m.gold) ||
      (extent !== null && curated.some((g) => g.layer === members[0]!.layer && g.extent!.start < extent.end && extent.start < g.extent!.end)),
  }));
}

/**
 * The first key of the next (step 1) or previous (step -1) disputed unit after the one holding
 * `from`, or null at the end of the list. With `unresolvedOnly` the search wraps around, so it
 * finds unresolved work left anywhere; the unit holding `from` comes last.
 */
export function nextDisagreement(units: readonly Unit[], from: string | null, step: 1 | -1, unresolvedOnly = false): string | null {
  const here = from === null ? -1 : units.findIndex((unit) => unit.keys.includes(from));
  const wanted = (unit: Unit) => unit.disputed && (!unresolvedOnly || !unit.resolved);
  const n = units.length;
  const begin = here === -1 && step === -1 ? n : here;
  for (let i = 1; i <= n; i++) {
    const at = begin + step * i;
    if (!unresolvedOnly && (at < 0 || at >= n)) return null;
    const unit = units[((at % n) + n) % n]!;
    if (wanted(unit)) return unit.keys[0]!;
  }
  return null;
}
