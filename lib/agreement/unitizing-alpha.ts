import { forEachIntersectingPair, OVERLAP_HANDLING, toSections, unitize, validateContinuum, valuesUsed, type Section, type UnitSegment } from './continuum';
import { AgreementUndefinedError, type UndefinedReason } from './errors';

export interface UnitizingLabelAlpha {
  observedDisagreement: number;
  expectedDisagreement: number;
  /** `null` when this label's coefficient is undefined; `reason` then says why. */
  alpha: number | null;
  reason?: UndefinedReason;
}

export interface UnitizingAlphaResult {
  /** α_u over the requested label, or over all labels (Σ_c D_o / Σ_c D_e) when none is given. */
  alpha: number;
  observedDisagreement: number;
  expectedDisagreement: number;
  byLabel: Record<string, UnitizingLabelAlpha>;
  overlapHandling: typeof OVERLAP_HANDLING;
  /** Segments absorbed into an overlapping segment of the same coder and label. */
  mergedSegments: number;
}

/**
 * Krippendorff's α_u for unitizing a continuum, in its original form (Krippendorff 1995, "On the
 * reliability of unitizing continuous data"; Content Analysis 2004, §12.4): each label c is
 * unitized separately (units of c vs. everything else, other labels counting as blank), and
 *
 *   D_o^c = Σ_{i≠j} Σ_g Σ_h δ²(g, h) / (m (m−1) L²)
 *   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²  for two overlapping units,
 *            = l²                          for a unit lying wholly inside the other coder's gap,
 *            = 0                           otherwise
 *   D_e^c = (2/L) Σ_units [ (N_c−1)/3 · (2l³ − 3l² + l) + l² Σ_gaps max(0, l_gap − l + 1) ]
 *           / ( mL(mL−1) − Σ_units l(l−1) )
 *
 * where sums over units and gaps run over all coders and N_c is the number of units of c.
 * Overall α_u = 1 − Σ_c D_o^c / Σ_c D_e^c. Positions are integer character offsets; `length`
 * is the continuum length L and segments lie in [0, L).
 *
 * Per coder and label, overlapping segments are merged before computing (see OVERLAP_HANDLING);
 * `mergedSegments` reports how many were absorbed.
 *
 * For more than two coders this is the 2004 definition, which Krippendorff et al. (2016)
 * revised; see valuedUnitizingAlpha / binaryUnitizingAlpha for the 2016 coefficients.
 *
 * @throws AgreementUndefinedError `empty` when the requested label (or any label) has no
 *   segments; `no-variation` when the expected disagreement is zero.
 * @throws AgreementInputError for invalid lengths, offsets, labels, or fewer than 2 coders.
 */
export function unitizingAlpha(length: number, coders: readonly (readonly UnitSegment[])[], options: { label?: string } = {}): UnitizingAlphaResult {
  validateContinuum(length, coders);
  const labels = options.label === undefined ? valuesUsed(coders) : valuesUsed(coders).filter((l) => l === options.label);
  if (labels.length === 0) {
    const subject = options.label === undefined ? 'any segment' : `a segment labelled ${JSON.stringify(options.label)}`;
    throw new AgreementUndefinedError('empty', `α_u is undefined: no coder marked ${subject}.`);
  }

  const byLabel: Record<string, UnitizingLabelAlpha> = {};
  let observed = 0;
  let expected = 0;
  let mergedSegments = 0;
  // Each label is unitized separately, but merging only joins units of one value, so one pass per coder serves every label.
  const unitsByLabel = coders.map((segments) => {
    const { units, merged } = unitize(segments, (value) => (options.label === undefined || value === options.label ? value : null));
    mergedSegments += merged;
    const groups = new Map<string, UnitSegment[]>();
    for (const unit of units) {
      if (!groups.has(unit.value)) groups.set(unit.value, []);
      groups.get(unit.value)!.push(unit);
    }
    return groups;
  });
  for (const label of labels) {
    const partitions = unitsByLabel.map((groups) => toSections(groups.get(label) ?? [], length));
    const d = labelDisagreements(partitions, length);
    observed += d.observed;
    expected += d.expected;
    byLabel[label] =
      d.expected === 0
        ? { observedDisagreement: d.observed, expectedDisagreement: 0, alpha: null, reason: 'no-variation' }
        : { observedDisagreement: d.observed, expectedDisagreement: d.expected, alpha: 1 - d.observed / d.expected };
  }
  if (expected === 0) {
    throw new AgreementUndefinedError(
      'no-variation',
      'α_u is undefined: every coder marks every character as a one-character unit, so no disagreement is expected.',
    );
  }
  return {
    alpha: 1 - observed / expected,
    observedDisagreement: observed,
    expectedDisagreement: expected,
    byLabel,
    overlapHandling: OVERLAP_HANDLING,
    mergedSegments,
  };
}

function labelDisagreements(partitions: readonly Section[][], length: number) {
  const m = partitions.length;
  let squaredDistances = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      forEachIntersectingPair(partitions[i] ?? [], partitions[j] ?? [], (g, h) => {
        squaredDistances += boundaryDistance(g, h);
      });
    }
  }
  // δ² is symmetric, so the ordered pairs (i, j) and (j, i) contribute the same amount.
  const observed = (2 * squaredDistances) / (m * (m - 1) * length * length);

  const sections = partitions.flat();
  const units = sections.filter((s) => s.value !== null).map((s) => s.end - s.start);
  const gaps = sections.filter((s) => s.value === null).map((s) => s.end - s.start);
  const fits = gapPlacements(gaps);
  const n = units.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    numerator += ((n - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * fits(l);
    selfPairs += l * (l - 1);
  }
  const expected = ((2 / length) * numerator) / (m * length * (m * length - 1) - selfPairs);
  return { observed, expected };
}

function boundaryDistance(g: Section, h: Section): number {
  const gUnit = g.value !== null;
  const hUnit = h.value !== null;
  if (gUnit && hUnit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (gUnit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (hUnit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/**
 * Σ_gaps max(0, l_gap − l + 1): the number of positions at which a unit of length l fits inside
 * some gap. Sorted gaps with suffix sums answer each query in O(log gaps) instead of a full scan.
 */
function gapPlacements(gaps: readonly number[]): (l: number) => number {
  const sorted = [...gaps].sort((a, b) => a - b);
  const suffix = new Array<number>(sorted.length + 1).fill(0);
  for (let i = sorted.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] ?? 0) + (sorted[i] ?? 0);
  return (l) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) >= l) hi = mid;
      else lo = mid + 1;
    }
    const count = sorted.length - lo;
    return (suffix[lo] ?? 0) - count * (l - 1);
  };
}
