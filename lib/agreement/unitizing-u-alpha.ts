import {
  assertPartition,
  forEachIntersectingPair,
  OVERLAP_HANDLING,
  toSections,
  unitize,
  validateContinuum,
  type Section,
  type UnitSegment,
} from './continuum';
import { AgreementUndefinedError } from './errors';

export interface UAlphaResult {
  alpha: number;
  /** Off-diagonal share of the observed length coincidences, l.. − Σ l_cc, divided by l.. = mL. */
  observedDisagreement: number;
  /** Same for the expected coincidences e_ck. */
  expectedDisagreement: number;
  overlapHandling: typeof OVERLAP_HANDLING;
  /** Segments absorbed into an overlapping segment of the same coder and (projected) value. */
  mergedSegments: number;
}

/**
 * uα of Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the reliability of unitizing
 * textual continua: Further developments" (Quality & Quantity 50:2347–2364): reliability of
 * partitioning the continuum into gaps and units *and* assigning the units' values (nominal).
 *
 * Every coder's segments plus the gaps between them partition [0, L). Observed coincidences are
 * intersection lengths of the sections of every ordered pair of coders, l_ck = Σ_{i≠j} |g ∩ h|
 * / (m−1), so l.. = mL. Expected coincidences remove each section's pairing with itself:
 *   e_ck = l.. (l_c. l_.k − [c=k] Σ_{sections of value c} s) / (l..² − Σ_all sections s)
 * with s = length² for a unit (indivisible) and s = length for a gap (any stretch of a gap is a
 * gap, so it counts as length-1 pieces). α = 1 − (l.. − Σ l_cc) / (l.. − Σ e_cc). With every unit
 * one character long this reduces exactly to nominal Krippendorff's alpha (the tests rely on it).
 *
 * Same-value overlapping segments of one coder are merged (OVERLAP_HANDLING); segments of
 * different values that overlap make the partition ambiguous and are rejected.
 *
 * @throws AgreementUndefinedError `empty` without any segment; `no-variation` when the expected
 *   disagreement is zero (e.g. every coder marks the whole continuum as one unit).
 * @throws AgreementInputError for invalid input or overlapping segments with different values.
 */
export function valuedUnitizingAlpha(length: number, coders: readonly (readonly UnitSegment[])[]): UAlphaResult {
  validateContinuum(length, coders);
  return coincidenceAlpha(length, coders, (value) => value, true);
}

/**
 * |uα (Krippendorff et al. 2016): reliability of telling relevant matter (any unit) from
 * irrelevant matter (gaps), values ignored. With `label`, only that label's segments count as
 * units and every other label is treated as blank, giving a per-label binary coefficient that is
 * defined even when a coder stacks different labels on the same text.
 *
 * Overlapping segments of one coder are merged after projection: with no `label`, overlapping
 * segments of any labels become one relevant unit.
 *
 * @throws AgreementUndefinedError `empty` when no coder marked a (matching) segment;
 *   `no-variation` when the expected disagreement is zero.
 * @throws AgreementInputError for invalid input.
 */
export function binaryUnitizingAlpha(length: number, coders: readonly (readonly UnitSegment[])[], options: { label?: string } = {}): UAlphaResult {
  validateContinuum(length, coders);
  const { label } = options;
  return coincidenceAlpha(length, coders, (value) => (label === undefined || value === label ? 'unit' : null), false);
}

function coincidenceAlpha(
  length: number,
  coders: readonly (readonly UnitSegment[])[],
  project: (value: string) => string | null,
  requirePartition: boolean,
): UAlphaResult {
  let mergedSegments = 0;
  const partitions = coders.map((segments, coder) => {
    const { units, merged } = unitize(segments, project);
    mergedSegments += merged;
    if (requirePartition) assertPartition(units, coder);
    return toSections(units, length);
  });
  if (partitions.every((sections) => sections.every((s) => s.value === null))) {
    throw new AgreementUndefinedError('empty', 'uα is undefined: no coder marked any (matching) segment.');
  }

  const keyOf = (s: Section) => s.value ?? GAP;
  const keys = [GAP, ...new Set(partitions.flat().flatMap((s) => (s.value === null ? [] : [s.value])))];
  const index = new Map(keys.map((k, i) => [k, i]));
  const observed = keys.map(() => new Array<number>(keys.length).fill(0));
  const m = partitions.length;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      forEachIntersectingPair(partitions[i] ?? [], partitions[j] ?? [], (g, h) => {
        const overlap = (Math.min(g.end, h.end) - Math.max(g.start, h.start)) / (m - 1);
        const c = index.get(keyOf(g)) as number;
        const k = index.get(keyOf(h)) as number;
        // Coincidences are symmetric: the pair (j, i) adds the transposed cell.
        (observed[c] as number[])[k] = ((observed[c] as number[])[k] ?? 0) + overlap;
        (observed[k] as number[])[c] = ((observed[k] as number[])[c] ?? 0) + overlap;
      });
    }
  }

  const selfPairing = new Array<number>(keys.length).fill(0);
  for (const s of partitions.flat()) {
    const l = s.end - s.start;
    const c = index.get(keyOf(s)) as number;
    selfPairing[c] = (selfPairing[c] ?? 0) + (s.value === null ? l : l * l);
  }
  const total = m * length;
  const totalSelfPairing = selfPairing.reduce((a, b) => a + b, 0);
  const marginals = observed.map((row) => row.reduce((a, b) => a + b, 0));

  let observedAgreement = 0;
  let expectedAgreement = 0;
  keys.forEach((_, c) => {
    observedAgreement += (observed[c] as number[])[c] ?? 0;
    const mc = marginals[c] ?? 0;
    expectedAgreement += (total * (mc * mc - (selfPairing[c] ?? 0))) / (total * total - totalSelfPairing);
  });
  const observedDisagreement = (total - observedAgreement) / total;
  const expectedDisagreement = (total - expectedAgreement) / total;
  if (expectedDisagreement <= EPSILON) {
    throw new AgreementUndefinedError(
      'no-variation',
      'uα is undefined: the coders’ sections leave no room for chance disagreement (e.g. one unit spanning the whole continuum).',
    );
  }
  return {
    alpha: 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    overlapHandling: OVERLAP_HANDLING,
    mergedSegments,
  };
}

/** Gaps get a key no label can take: labels are validated to be non-empty strings. */
const GAP = '';

/**
 * Expected agreement is a sum of fractions that should add up to l.. exactly when no
 * disagreement is expected; rounding can leave a residue around 1e-16 that must not pass as a
 * real (and huge) coefficient.
 */
const EPSILON = 1e-12;
