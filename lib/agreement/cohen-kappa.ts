import { AgreementInputError, AgreementUndefinedError } from './errors';
import { assertCountMatrix } from './validate';

export type KappaWeights = 'linear' | 'quadratic';

/**
 * Cohen's kappa for two coders from a square contingency table (rows: coder A's categories,
 * columns: coder B's, same order). Cells may be counts or proportions.
 *
 * Without `weights` this is Cohen (1960): (p_o − p_e) / (1 − p_e). With weights it is Cohen's
 * (1968) weighted kappa 1 − Σ w·p_obs / Σ w·p_exp with disagreement weights |i−j|/(k−1)
 * (linear) or ((i−j)/(k−1))² (quadratic), so row/column order must be the ordinal order.
 * Both forms share the disagreement formulation because unweighted kappa is the special case
 * w = 1 off the diagonal.
 *
 * @throws AgreementUndefinedError `empty` for no rows or a zero total; `no-variation` when
 *   chance disagreement is zero (both coders used one and the same category).
 * @throws AgreementInputError for a non-square table or negative / non-finite cells.
 */
export function cohenKappa(table: readonly (readonly number[])[], weights?: KappaWeights): number {
  const columns = assertCountMatrix(table, 'contingency table');
  const k = table.length;
  if (k === 0) throw new AgreementUndefinedError('empty', 'Cohen’s kappa is undefined for an empty table.');
  if (columns !== k) {
    throw new AgreementInputError(`The contingency table must be square, got ${k} rows × ${columns} columns.`);
  }
  if (weights !== undefined && weights !== 'linear' && weights !== 'quadratic') {
    throw new AgreementInputError(`Unknown kappa weights ${JSON.stringify(weights)}; use 'linear' or 'quadratic'.`);
  }

  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: k }, (_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  if (total === 0) throw new AgreementUndefinedError('empty', 'Cohen’s kappa is undefined for a table without observations.');

  let observed = 0;
  let expected = 0;
  table.forEach((row, i) => {
    row.forEach((cell, j) => {
      const w = disagreementWeight(i, j, k, weights);
      observed += (w * cell) / total;
      expected += (w * (rowTotals[i] ?? 0) * (columnTotals[j] ?? 0)) / (total * total);
    });
  });
  if (expected === 0) {
    throw new AgreementUndefinedError(
      'no-variation',
      'Cohen’s kappa is undefined: both coders used the same single category, so chance agreement is already perfect.',
    );
  }
  return 1 - observed / expected;
}

function disagreementWeight(i: number, j: number, k: number, weights: KappaWeights | undefined): number {
  if (i === j) return 0;
  if (weights === undefined) return 1;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? distance : distance * distance;
}
