import { AgreementInputError } from './errors';

/**
 * Checks that `matrix` is rectangular with finite, non-negative cells and returns its column
 * count. Callers decide what an empty matrix means, so this accepts zero rows.
 */
export function assertCountMatrix(matrix: readonly (readonly number[])[], what: string, options: { integers?: boolean } = {}): number {
  if (!Array.isArray(matrix)) throw new AgreementInputError(`The ${what} must be an array of rows.`);
  const columns = matrix[0]?.length ?? 0;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row)) throw new AgreementInputError(`Row ${i} of the ${what} is not an array.`);
    if (row.length !== columns) {
      throw new AgreementInputError(`Every row of the ${what} must have the same length: row 0 has ${columns}, row ${i} has ${row.length}.`);
    }
    row.forEach((cell, j) => {
      if (typeof cell !== 'number' || !Number.isFinite(cell) || cell < 0) {
        throw new AgreementInputError(`Cell [${i}][${j}] of the ${what} must be a finite number ≥ 0, got ${String(cell)}.`);
      }
      if (options.integers && !Number.isInteger(cell)) {
        throw new AgreementInputError(`Cell [${i}][${j}] of the ${what} must be a whole number, got ${cell}.`);
      }
    });
  });
  return columns;
}

/** Character offsets are end-exclusive integers with start < end. */
export function validOffsets(start: unknown, end: unknown): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) < (end as number);
}

export function validLabel(label: unknown): boolean {
  return typeof label === 'string' && label !== '';
}

export function assertOffsets(start: unknown, end: unknown, what: string): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0) {
    throw new AgreementInputError(`The ${what} needs integer offsets ≥ 0, got [${String(start)}, ${String(end)}).`);
  }
  if ((start as number) >= (end as number)) {
    throw new AgreementInputError(`The ${what} is empty or reversed: [${String(start)}, ${String(end)}).`);
  }
}

export function assertLabel(label: unknown, what: string): void {
  if (typeof label !== 'string' || label === '') {
    throw new AgreementInputError(`The ${what} needs a non-empty string label, got ${JSON.stringify(label)}.`);
  }
}
