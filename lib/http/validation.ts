import type { z } from 'zod';
import { validationFailed, type HttpError } from './errors';

/** Turns zod issues into one readable message plus per-field details. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' | 'path'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw describeIssues(result.error, where);
}

export function describeIssues(error: z.ZodError, where: string): HttpError {
  const details = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return validationFailed(`Invalid request ${where}: ${summary}`, details);
}
