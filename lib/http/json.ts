import { badRequest, validationFailed } from './errors';

/**
 * JSON from a client, parsed so that no input reaches the database or the stack unchecked:
 * nesting is capped by a linear scan before `JSON.parse` (which recurses, so 4,000 levels
 * overflow its stack), and every string and key is checked for NUL (PostgreSQL text cannot hold
 * it) and lone surrogates (not encodable as UTF-8), each reported with its JSON path.
 */

export const MAX_JSON_DEPTH = 64;

export function parseClientJson(text: string, where = 'body'): unknown {
  checkDepth(text, where);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Malformed JSON: ${(error as Error).message}`);
  }
  assertCleanStrings(value, where);
  return value;
}

/** Throws 400 at the first bracket that opens level MAX_JSON_DEPTH + 1 (brackets inside strings do not count). */
export function checkDepth(text: string, where = 'body', limit = MAX_JSON_DEPTH): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) {
        throw badRequest(`The JSON ${where} is nested more than ${limit} levels deep (at character ${i}).`, { limit, offset: i });
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

interface StringProblem {
  path: string;
  message: string;
}

/** The first string or key holding NUL or a lone surrogate, with its path (`body.documents[0].name`), or null. */
export function findBadString(value: unknown, where = 'body'): StringProblem | null {
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return { path, message: problem };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}[${i}]`]);
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const childPath = `${path}.${key}`;
        const problem = stringProblem(key);
        if (problem) return { path: childPath, message: `key ${problem}` };
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

export function assertCleanStrings(value: unknown, where = 'body'): void {
  const problem = findBadString(value, where);
  if (problem) throw validationFailed(`Invalid request ${where}: ${problem.path}: ${problem.message}`, [problem]);
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'contains a NUL character (\\u0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate, which is not valid Unicode';
  return null;
}
