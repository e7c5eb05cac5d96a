import { AgreementInputError, AgreementUndefinedError } from './errors';

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';
export type AlphaValue = string | number;

/**
 * Krippendorff's alpha via the coincidence matrix, following Krippendorff (2011) "Computing
 * Krippendorff's Alpha-Reliability": α = 1 − D_o / D_e with
 * D_o = Σ o_ck δ²_ck / n and D_e = Σ n_c n_k δ²_ck / (n (n − 1)).
 *
 * `data[coder][unit]` holds a value or `null` for missing. Units with fewer than two values
 * are not pairable and are ignored, as in the paper. Metrics δ²_ck:
 * - nominal: 0 if equal, else 1 (strings and numbers; `1` and `'1'` are different values)
 * - ordinal: (Σ_{g=c..k} n_g − (n_c + n_k)/2)², ranks built from the coincidence marginals
 * - interval: (c − k)²
 * - ratio: ((c − k)/(c + k))², values must be ≥ 0
 * Non-nominal levels require numeric values.
 *
 * @throws AgreementUndefinedError `empty` (no coders or units), `no-pairable-units`,
 *   `no-variation` (all pairable values identical, D_e = 0).
 * @throws AgreementInputError for ragged rows, unknown level, or values of the wrong kind.
 */
export function krippendorffAlpha(data: readonly (readonly (AlphaValue | null)[])[], level: AlphaLevel): number {
  const { values, eachUnit } = codedUnits(data, level);
  const coincidences = new CoincidenceCounter(values.length);
  eachUnit((codes, count) => coincidences.addUnit(codes, count));
  return alphaFromCoincidences(coincidences.matrix(), level, values);
}

/**
 * Reliability data checked and coded once: the distinct pairable values (sorted for the numeric
 * levels) and, per unit, its values as indexes into them. Shared by the point estimate and its
 * interval, so both see exactly the same units.
 *
 * @throws AgreementUndefinedError `empty`; AgreementInputError as krippendorffAlpha.
 */
export function codedUnits(
  data: readonly (readonly (AlphaValue | null)[])[],
  level: AlphaLevel,
): { values: AlphaValue[]; eachUnit: (callback: (codes: Int32Array, count: number) => void) => void } {
  const units = validate(data, level);
  if (data.length === 0 || units === 0) {
    throw new AgreementUndefinedError('empty', 'Krippendorff’s alpha is undefined without coders and units.');
  }
  const values = distinctPairableValues(data, units, level);
  const index = new Map(values.map((v, i) => [v, i]));
  const unit = new Int32Array(data.length);
  const eachUnit = (callback: (codes: Int32Array, count: number) => void) => {
    for (let u = 0; u < units; u++) {
      let count = 0;
      for (const row of data) {
        const v = row[u];
        // Values of units with fewer than two values have no index; such units are not pairable.
        if (v !== null && v !== undefined) unit[count++] = index.get(v) ?? 0;
      }
      callback(unit, count);
    }
  };
  return { values, eachUnit };
}

/**
 * Counts coincidences of integer-coded units (values 0 … size − 1): each ordered pair of values
 * from different coders of a unit with m_u values adds 1/(m_u − 1). Pairs are counted as integers
 * per m_u and divided once in `matrix`, so callers with long token sequences never build rows of
 * values, and the counts stay exact however many units there are.
 */
export class CoincidenceCounter {
  private readonly pairsByUnitSize = new Map<number, Float64Array>();

  constructor(readonly size: number) {}

  /** Adds one unit whose values are `values[0 … count − 1]`; a unit with fewer than two is not pairable. */
  addUnit(values: ArrayLike<number>, count: number): void {
    if (count < 2) return;
    let pairs = this.pairsByUnitSize.get(count);
    if (!pairs) this.pairsByUnitSize.set(count, (pairs = new Float64Array(this.size * this.size)));
    for (let i = 0; i < count; i++) {
      const row = (values[i] as number) * this.size;
      for (let j = 0; j < count; j++) if (i !== j) pairs[row + (values[j] as number)]! += 1;
    }
  }

  /** o_ck, row-major: `size` × `size`. */
  matrix(): Float64Array {
    const o = new Float64Array(this.size * this.size);
    for (const [unitSize, pairs] of this.pairsByUnitSize) {
      for (let cell = 0; cell < o.length; cell++) o[cell]! += pairs[cell]! / (unitSize - 1);
    }
    return o;
  }
}

/**
 * α = 1 − D_o / D_e from a coincidence matrix (row-major, `values.length` squared, rows and
 * columns in the order of `values`), as built by CoincidenceCounter. `values` only matter for the
 * non-nominal metrics.
 *
 * @throws AgreementUndefinedError `no-pairable-units` for an all-zero matrix, `no-variation` when
 *   D_e = 0.
 */
export function alphaFromCoincidences(coincidences: Float64Array, level: AlphaLevel, values: readonly AlphaValue[]): number {
  const k = values.length;
  const marginals = new Array<number>(k).fill(0);
  for (let c = 0; c < k; c++) for (let j = 0; j < k; j++) marginals[c]! += coincidences[c * k + j]!;
  const n = marginals.reduce((a, b) => a + b, 0);
  if (n === 0) {
    throw new AgreementUndefinedError('no-pairable-units', 'Krippendorff’s alpha is undefined: no unit was coded by at least two coders.');
  }
  const delta = metric(level, values, marginals);

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      const d = delta(c, j);
      observed += coincidences[c * k + j]! * d;
      expected += (marginals[c]! * marginals[j]! * d) / (n - 1);
    }
  }
  if (expected === 0) {
    throw new AgreementUndefinedError(
      'no-variation',
      'Krippendorff’s alpha is undefined: all pairable values are identical, so there is no expected disagreement.',
    );
  }
  return 1 - observed / expected;
}

function validate(data: readonly (readonly (AlphaValue | null)[])[], level: AlphaLevel): number {
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) {
    throw new AgreementInputError(`Unknown level of measurement ${JSON.stringify(level)}.`);
  }
  if (!Array.isArray(data)) throw new AgreementInputError('Reliability data must be an array of coder rows.');
  const units = data[0]?.length ?? 0;
  data.forEach((row, i) => {
    if (!Array.isArray(row)) throw new AgreementInputError(`Coder row ${i} is not an array.`);
    if (row.length !== units) {
      throw new AgreementInputError(`Every coder row must cover the same units: row 0 has ${units}, row ${i} has ${row.length}. Use null for missing values.`);
    }
    row.forEach((v, u) => {
      if (v === null) return;
      const where = `coder ${i}, unit ${u}`;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new AgreementInputError(`Value at ${where} must be finite, got ${v}.`);
        if (level === 'ratio' && v < 0) throw new AgreementInputError(`Ratio data cannot be negative (${where}: ${v}).`);
      } else if (typeof v !== 'string') {
        throw new AgreementInputError(`Value at ${where} must be a string, a number or null, got ${String(v)}.`);
      } else if (level !== 'nominal') {
        throw new AgreementInputError(`${level} alpha needs numeric values; ${where} is ${JSON.stringify(v)}.`);
      }
    });
  });
  return units;
}

function distinctPairableValues(data: readonly (readonly (AlphaValue | null)[])[], units: number, level: AlphaLevel): AlphaValue[] {
  const seen = new Set<AlphaValue>();
  for (let u = 0; u < units; u++) {
    const present = data.map((row) => row[u]).filter((v): v is AlphaValue => v !== null && v !== undefined);
    if (present.length >= 2) present.forEach((v) => seen.add(v));
  }
  const values = [...seen];
  // Ordinal ranks depend on value order; numeric levels are validated to hold numbers only.
  return level === 'nominal' ? values : values.sort((a, b) => (a as number) - (b as number));
}

function metric(level: AlphaLevel, values: readonly AlphaValue[], marginals: readonly number[]) {
  const num = (i: number) => values[i] as number;
  switch (level) {
    case 'nominal':
      return (c: number, k: number) => (c === k ? 0 : 1);
    case 'interval':
      return (c: number, k: number) => (num(c) - num(k)) ** 2;
    case 'ratio':
      return (c: number, k: number) => (c === k ? 0 : ((num(c) - num(k)) / (num(c) + num(k))) ** 2);
    case 'ordinal': {
      const cumulative = [0];
      marginals.forEach((m, i) => cumulative.push((cumulative[i] ?? 0) + m));
      return (c: number, k: number) => {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        const between = (cumulative[hi + 1] ?? 0) - (cumulative[lo] ?? 0);
        return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
      };
    }
  }
}
