import { AgreementInputError } from './errors';
import { assertOffsets, assertLabel } from './validate';
import { assertSpans, type Span, type TokenOffsets } from './span';

/** Category of a token that no (matching) span touches. Labels are non-empty, so it cannot clash. */
export const OUTSIDE = '';

/** Joins the sorted labels covering a token in the multi-label view. */
export const LABEL_SET_SEPARATOR = '+';

/**
 * One coder's category per token, ready for confusionMatrix / cohenKappa / krippendorffAlpha.
 * A token counts as covered by a span when they share at least one character, so spans that cut
 * through a token still label it.
 *
 * - With `label`: a per-label binary variable, `label` if any span with that label covers the
 *   token, otherwise OUTSIDE. Stacked or overlapping spans of that label collapse to one value.
 * - Without `label`: the multi-label view, the sorted set of distinct labels covering the token
 *   joined with LABEL_SET_SEPARATOR (e.g. "LOC+ORG"), or OUTSIDE. Labels containing the
 *   separator are rejected because the joined category would be ambiguous.
 *
 * Tokens must be sorted by offset and must not overlap (as any tokenizer produces); that lets
 * each span find its tokens by binary search.
 *
 * @throws AgreementInputError for malformed or unsorted tokens, malformed spans, or an invalid label.
 */
export function tokenLabelSequence(tokens: readonly TokenOffsets[], spans: readonly Span[], label?: string): string[] {
  assertTokens(tokens);
  assertSpans(spans, 'span list');
  if (label !== undefined) assertLabel(label, 'label filter');
  else {
    const bad = spans.find((s) => s.label.includes(LABEL_SET_SEPARATOR));
    if (bad) {
      throw new AgreementInputError(
        `Label ${JSON.stringify(bad.label)} contains "${LABEL_SET_SEPARATOR}", which the multi-label view uses to join labels; ` +
          'pass a label to use the per-label view instead.',
      );
    }
  }

  const covering = tokens.map(() => new Set<string>());
  for (const span of spans) {
    if (label !== undefined && span.label !== label) continue;
    for (let t = firstTokenEndingAfter(tokens, span.start); t < tokens.length; t++) {
      const token = tokens[t] as TokenOffsets;
      if (token.start >= span.end) break;
      covering[t]?.add(span.label);
    }
  }
  return covering.map((labels) => (labels.size === 0 ? OUTSIDE : [...labels].sort().join(LABEL_SET_SEPARATOR)));
}

function assertTokens(tokens: readonly TokenOffsets[]): void {
  if (!Array.isArray(tokens)) throw new AgreementInputError('Tokens must be an array of { start, end }.');
  tokens.forEach((token, i) => {
    assertOffsets(token.start, token.end, `token ${i}`);
    const previous = tokens[i - 1];
    if (previous && token.start < previous.end) {
      throw new AgreementInputError(
        `Tokens must be sorted and non-overlapping: token ${i} [${token.start}, ${token.end}) starts before token ${i - 1} ends at ${previous.end}.`,
      );
    }
  });
}

function firstTokenEndingAfter(tokens: readonly TokenOffsets[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as TokenOffsets).end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
