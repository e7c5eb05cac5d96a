import { expect } from 'vitest';

/** What `promise` rejected with, or null when it resolved: for asserting on an error's fields, not only its message. */
export const rejectionOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

/** The error `promise` rejected with, asserted to be a `type` (a promise that resolves fails here). */
export async function rejectionAs<E>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(type);
  return error as E;
}
