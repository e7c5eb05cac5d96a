import { AgreementInputError } from './errors';
import { assertLabel, assertOffsets, validLabel, validOffsets } from './validate';

/** One coder's marked stretch of the continuum: end-exclusive character offsets and a category. */
export interface UnitSegment {
  start: number;
  end: number;
  value: string;
}

/** A piece of a coder's partition of the whole continuum; `value: null` is a gap (unmarked). */
export interface Section {
  start: number;
  end: number;
  value: string | null;
}

interface Unitization {
  units: UnitSegment[];
  /** How many input segments disappeared by being merged into an overlapping same-value segment. */
  merged: number;
}

/**
 * The unitizing coefficients assume each coder's units of one value never overlap. Annotation
 * tools allow stacking, so overlapping segments that share a value (after projection) are merged
 * into one unit. Touching segments (one ends where the next starts) stay separate units, because
 * where a coder puts a boundary is exactly what unitizing reliability measures.
 */
export const OVERLAP_HANDLING = 'merge-same-value-overlaps' as const;

export function validateContinuum(length: number, coders: readonly (readonly UnitSegment[])[]): void {
  if (!Number.isInteger(length) || length < 1) {
    throw new AgreementInputError(`The continuum length must be a positive integer, got ${String(length)}.`);
  }
  if (!Array.isArray(coders) || coders.length < 2) {
    throw new AgreementInputError(`Unitizing reliability needs at least 2 coders, got ${Array.isArray(coders) ? coders.length : 0}.`);
  }
  coders.forEach((segments, i) => {
    if (!Array.isArray(segments)) throw new AgreementInputError(`Coder ${i}'s segments are not an array.`);
    segments.forEach((s, j) => {
      if (validOffsets(s.start, s.end) && s.end <= length && validLabel(s.value)) return;
      const what = `segment ${j} of coder ${i}`;
      assertOffsets(s.start, s.end, what);
      if (s.end > length) throw new AgreementInputError(`The ${what} ends at ${s.end}, beyond the continuum length ${length}.`);
      assertLabel(s.value, what);
    });
  });
}

/**
 * Projects one coder's segments through `project` (returning null drops a segment, e.g. other
 * labels when unitizing one label) and merges overlapping units that end up with the same value.
 */
export function unitize(segments: readonly UnitSegment[], project: (value: string) => string | null): Unitization {
  const byValue = new Map<string, UnitSegment[]>();
  for (const s of segments) {
    const value = project(s.value);
    if (value === null) continue;
    const list = byValue.get(value) ?? [];
    list.push({ start: s.start, end: s.end, value });
    byValue.set(value, list);
  }
  const units: UnitSegment[] = [];
  let merged = 0;
  for (const list of byValue.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    let current: UnitSegment | undefined;
    for (const u of list) {
      if (current && u.start < current.end) {
        current.end = Math.max(current.end, u.end);
        merged++;
      } else {
        current = { ...u };
        units.push(current);
      }
    }
  }
  units.sort((a, b) => a.start - b.start || a.end - b.end);
  return { units, merged };
}

/** Throws when units of different values overlap: such a coder has no single partition of the continuum. */
export function assertPartition(units: readonly UnitSegment[], coder: number): void {
  units.forEach((u, i) => {
    const previous = units[i - 1];
    if (previous && u.start < previous.end) {
      throw new AgreementInputError(
        `Coder ${coder} has overlapping segments with different values (${previous.value} [${previous.start}, ${previous.end}) ` +
          `and ${u.value} [${u.start}, ${u.end})). This coefficient needs one value per character; ` +
          'compute it per label (binaryUnitizingAlpha with { label }) instead.',
      );
    }
  });
}

/** Fills the space between non-overlapping sorted units with gaps so the sections cover [0, length). */
export function toSections(units: readonly UnitSegment[], length: number): Section[] {
  const sections: Section[] = [];
  let position = 0;
  for (const u of units) {
    if (u.start > position) sections.push({ start: position, end: u.start, value: null });
    sections.push(u);
    position = u.end;
  }
  if (position < length) sections.push({ start: position, end: length, value: null });
  return sections;
}

/**
 * Visits every pair of sections (one from each partition) that share at least one character,
 * exactly once, in O(|a| + |b|); pairs that do not intersect never contribute to either family
 * of unitizing coefficients.
 */
export function forEachIntersectingPair(a: readonly Section[], b: readonly Section[], visit: (x: Section, y: Section) => void): void {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Section;
    const y = b[j] as Section;
    if (x.start < y.end && y.start < x.end) visit(x, y);
    if (x.end <= y.end) i++;
    if (y.end <= x.end) j++;
  }
}

/** Labels used by any coder, sorted for deterministic output. */
export function valuesUsed(coders: readonly (readonly UnitSegment[])[]): string[] {
  return [...new Set(coders.flatMap((segments) => segments.map((s) => s.value)))].sort();
}
