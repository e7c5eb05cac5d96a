import { alphaFromCoincidences, codedUnits, type AlphaLevel, type AlphaValue } from './krippendorff-alpha';
import { unitInterval, type Interval, type IntervalOptions } from './interval';
import { UnitContributions } from './unit-contributions';

export type AlphaInterval = Omit<Interval, 'value'> & { alpha: number };

/**
 * Krippendorff's α with a confidence interval over units (see unitInterval for the methods).
 * Each pairable unit's coincidences (ordered value pairs weighted 1/(m_u − 1)) are computed once;
 * a replicate sums the chosen units' matrices, exactly the matrix krippendorffAlpha would build
 * from the resampled data.
 *
 * @throws AgreementUndefinedError as krippendorffAlpha, and `too-few-units` for fewer than two
 *   pairable units.
 */
export function krippendorffAlphaInterval(data: readonly (readonly (AlphaValue | null)[])[], level: AlphaLevel, options: IntervalOptions): AlphaInterval {
  const { values, eachUnit } = codedUnits(data, level);
  const size = values.length;
  const contributions = new UnitContributions(size * size);
  const unit = new Float64Array(size * size);
  eachUnit((codes, count) => {
    if (count < 2) return;
    unit.fill(0);
    for (let i = 0; i < count; i++) for (let j = 0; j < count; j++) if (i !== j) unit[codes[i]! * size + codes[j]!]! += 1 / (count - 1);
    contributions.addDense(unit);
  });
  const { value, ...interval } = unitInterval(contributions, (coincidences) => alphaFromCoincidences(coincidences, level, values), options);
  return { alpha: value, ...interval };
}
