import { AgreementInputError, AgreementUndefinedError } from './errors';
import { assertCountMatrix } from './validate';

/**
 * Fleiss' (1971) kappa. `counts[i][j]` is how many raters put subject i in category j; every
 * row must sum to the same number of raters n ≥ 2 (the statistic assumes a constant n).
 *
 * @throws AgreementUndefinedError `empty` for no subjects; `no-variation` when every rating
 *   falls in one category (expected agreement is 1).
 * @throws AgreementInputError for ragged rows, non-integer or negative counts, unequal row
 *   sums, or fewer than two raters per subject.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const categories = assertCountMatrix(counts, 'rating counts', { integers: true });
  if (counts.length === 0) throw new AgreementUndefinedError('empty', 'Fleiss’ kappa is undefined without subjects.');
  if (categories === 0) throw new AgreementInputError('The rating counts need at least one category column.');

  const raters = rowSum(counts[0] ?? []);
  counts.forEach((row, i) => {
    const n = rowSum(row);
    if (n !== raters) {
      throw new AgreementInputError(`Every subject must be rated by the same number of raters: subject 0 has ${raters}, subject ${i} has ${n}.`);
    }
  });
  if (raters < 2) throw new AgreementInputError(`Fleiss’ kappa needs at least 2 raters per subject, got ${raters}.`);

  const categoryTotals = new Array<number>(categories).fill(0);
  let agreeingPairs = 0;
  for (const row of counts) {
    row.forEach((n, j) => {
      agreeingPairs += n * (n - 1);
      categoryTotals[j] = (categoryTotals[j] ?? 0) + n;
    });
  }
  return fleissKappaFromTotals({ subjects: counts.length, raters, agreeingPairs, categoryTotals });
}

/** What Fleiss' kappa needs of the rating counts n_ij, for callers that tally ratings without building the subject × category table. */
export interface FleissTotals {
  subjects: number;
  /** n, the same for every subject. */
  raters: number;
  /** Σ_i Σ_j n_ij (n_ij − 1): ordered pairs of raters who put a subject in the same category. */
  agreeingPairs: number;
  /** Σ_i n_ij per category j. */
  categoryTotals: ArrayLike<number>;
}

/**
 * Fleiss' kappa from totals (see fleissKappa for the statistic).
 *
 * @throws AgreementUndefinedError `empty` without subjects; `no-variation` when every rating
 *   falls in one category.
 */
export function fleissKappaFromTotals({ subjects, raters, agreeingPairs, categoryTotals }: FleissTotals): number {
  if (subjects === 0) throw new AgreementUndefinedError('empty', 'Fleiss’ kappa is undefined without subjects.');
  const meanAgreement = agreeingPairs / (raters * (raters - 1)) / subjects;
  let chanceAgreement = 0;
  for (let j = 0; j < categoryTotals.length; j++) {
    const p = (categoryTotals[j] as number) / (subjects * raters);
    chanceAgreement += p * p;
  }
  if (chanceAgreement === 1) {
    throw new AgreementUndefinedError('no-variation', 'Fleiss’ kappa is undefined: every rating falls in the same category, so chance agreement is 1.');
  }
  return (meanAgreement - chanceAgreement) / (1 - chanceAgreement);
}

function rowSum(row: readonly number[]): number {
  return row.reduce((a, b) => a + b, 0);
}
