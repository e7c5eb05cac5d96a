import { AgreementInputError } from './errors';

/**
 * Contingency table of two coders' category sequences (rows: `a`, columns: `b`, both in the order
 * of `categories`), the input cohenKappa expects. The caller fixes the category list so that
 * tables of different documents line up and ordinal order is explicit for weighted kappa.
 *
 * @throws AgreementInputError for sequences of different lengths, duplicate categories, or a
 *   value missing from `categories`.
 */
export function confusionMatrix<T extends string | number>(a: readonly T[], b: readonly T[], categories: readonly T[]): number[][] {
  if (!Array.isArray(a) || !Array.isArray(b) || !Array.isArray(categories)) {
    throw new AgreementInputError('confusionMatrix expects two sequences and a category list (arrays).');
  }
  if (a.length !== b.length) {
    throw new AgreementInputError(`Both sequences must have the same length, got ${a.length} and ${b.length}.`);
  }
  const index = new Map<T, number>();
  categories.forEach((c, i) => {
    if (index.has(c)) throw new AgreementInputError(`Category ${JSON.stringify(c)} is listed twice.`);
    index.set(c, i);
  });
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  a.forEach((x, t) => {
    const y = b[t] as T;
    const row = index.get(x);
    const column = index.get(y);
    if (row === undefined || column === undefined) {
      const missing = row === undefined ? x : y;
      throw new AgreementInputError(`Value ${JSON.stringify(missing)} at position ${t} is not in the category list.`);
    }
    const cells = table[row] as number[];
    cells[column] = (cells[column] ?? 0) + 1;
  });
  return table;
}
