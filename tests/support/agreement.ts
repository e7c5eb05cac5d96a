import { AgreementUndefinedError, type UndefinedReason } from '@/lib/agreement';

/** The reason a coefficient is undefined for this data; fails the test if it was defined. */
export function undefinedReason(compute: () => unknown): UndefinedReason {
  try {
    compute();
  } catch (error) {
    if (error instanceof AgreementUndefinedError) return error.reason;
    throw error;
  }
  throw new Error('expected an AgreementUndefinedError');
}
