import { describeLimit, type ImportLimits } from './limits';
import type { Problem } from './prepare';
import type { ImportedDocument } from './types';

/**
 * What no parsed document may carry into the database, whatever its format: a text longer
 * than the document limit, more spans than the span limit, a NUL character (PostgreSQL text
 * and jsonb cannot store one, and no real text holds one) or a lone UTF-16 surrogate (not a
 * character: JSON allows "\ud800", UTF-8 cannot encode it). Each problem names the field by
 * its path, e.g. `metadata.author[2]`, `spans[4].attributes.note`. Nothing is stripped or
 * replaced: the user fixes the source and uploads again.
 */
export function guardDocument(doc: ImportedDocument, limits: ImportLimits): Problem[] {
  const problems: Problem[] = [];
  const at = (reason: string) => problems.push({ location: doc.location, reason: `document "${doc.name.slice(0, 200)}": ${reason}` });
  if (doc.text.length > limits.documentChars)
    at(`text has ${doc.text.length.toLocaleString('en-US')} characters, over ${describeLimit('documentChars', limits)}`);
  if (doc.spans.length > limits.spansPerDocument) at(`${doc.spans.length.toLocaleString('en-US')} spans, over ${describeLimit('spansPerDocument', limits)}`);
  if (problems.length > 0) return problems;
  const check = (path: string, value: unknown) => {
    const bad = badString(value, path);
    if (bad) at(bad);
  };
  check('name', doc.name);
  check('text', doc.text);
  check('metadata', doc.metadata);
  doc.spans.forEach((span, index) => {
    check(`spans[${index}].label`, span.label);
    check(`spans[${index}].attributes`, span.attributes);
    check(`spans[${index}].target`, span.target);
  });
  doc.relations.forEach((relation, index) => check(`relations[${index}].attributes`, relation.attributes));
  return problems;
}

// Matched on UTF-16 code units (no u flag): a NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const BAD_UNITS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first bad string in a JSON value (keys included), described with its path, or undefined. */
function badString(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    const match = BAD_UNITS.exec(value);
    if (!match) return undefined;
    const what = match[0] === '\u0000' ? 'a NUL character (U+0000)' : `a lone surrogate (U+${match[0].charCodeAt(0).toString(16).toUpperCase()})`;
    return `${path} contains ${what} at character ${match.index} (not allowed: remove it from the source)`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badString(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyProblem = badString(key, `${path} key ${JSON.stringify(key)}`);
      if (keyProblem) return keyProblem;
      const found = badString(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}
