import nlp from 'compromise';
import { OffsetIndex } from '@/lib/offsets';
import type { CompromiseConfig } from '../config';
import { emptyResult, type ProposedSpan, type Recommender } from '../types';

/**
 * compromise: an offline named-entity baseline. compromise finds people, places and
 * organizations; the manager's mapping (config.mapping) names the schema label each becomes,
 * null leaving that class out. Its offsets are UTF-16 and may carry trailing punctuation
 * ("Lahore."), so each is trimmed to word characters and converted to code points.
 */
export const DEFAULT_MAPPING = { people: 'PERSON', places: 'GPE', organizations: 'ORG' } as const;
export type EntityClass = keyof typeof DEFAULT_MAPPING;
const CLASSES = Object.keys(DEFAULT_MAPPING) as EntityClass[];

const EDGE = /[\p{L}\p{M}\p{N}]/u;

interface Found {
  offset: { start: number; length: number };
}

export function compromiseMapping(config: CompromiseConfig): Record<EntityClass, string | null> {
  return { ...DEFAULT_MAPPING, ...(config.mapping ?? {}) };
}

/** The spans compromise finds in `text`, labelled through `mapping`. Pure, for the unit tests. */
export function findEntities(text: string, mapping: Record<EntityClass, string | null>): ProposedSpan[] {
  const doc = nlp(text);
  const index = new OffsetIndex(text);
  const spans: ProposedSpan[] = [];
  const seen = new Set<string>();
  for (const kind of CLASSES) {
    const label = mapping[kind];
    if (!label) continue;
    for (const { offset } of doc[kind]().json({ offset: true }) as Found[]) {
      let from = offset.start;
      let to = offset.start + offset.length;
      while (from < to && !EDGE.test(text[from]!)) from++;
      while (to > from && !EDGE.test(text[to - 1]!)) to--;
      if (from === to) continue;
      const start = index.toCodePoint(from);
      const end = index.toCodePoint(to);
      const key = `${start}:${end}:${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start, end, label });
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function compromiseKind(config: CompromiseConfig): Recommender {
  const mapping = compromiseMapping(config);
  return {
    async suggest(text) {
      return { ...emptyResult(), spans: findEntities(text, mapping) };
    },
  };
}
