import { AgreementInputError } from './errors';
import { assertOffsets, assertLabel, validOffsets } from './validate';
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
  if (!Array.isArray(tokens)) throw new AgreementInputError('Tokens must be an array of { start, end }.');
  const offsets = tokens.flatMap((token) => [token.start, token.end]);
  assertTokenOffsets(offsets);
  assertSpans(spans, 'span list');
  if (label !== undefined) assertLabel(label, 'label filter');
  else assertJoinableLabels(spans.map((s) => s.label));

  const selected = label === undefined ? spans : spans.filter((s) => s.label === label);
  const sets = new LabelSets([...new Set(selected.map((s) => s.label))]);
  const codes = new Int32Array(tokens.length);
  labelTokenCodes(offsets, selected, sets, codes);
  return Array.from(codes, (code) => sets.name(code));
}

/**
 * Integer codes for the categories of the multi-label view, so long token sequences are compared
 * as numbers: 0 is OUTSIDE, 1 + i the single label `labels[i]`, and each further set of labels
 * gets the next code the first time it occurs.
 */
export class LabelSets {
  private readonly members: number[][];
  private readonly byKey = new Map<string, number>();
  private readonly index: Map<string, number>;

  /** `labels` must be distinct. */
  constructor(readonly labels: readonly string[]) {
    this.members = [[], ...labels.map((_, i) => [i])];
    this.index = new Map(labels.map((l, i) => [l, i]));
  }

  /** How many codes are in use: codes are 0 … size − 1. */
  get size(): number {
    return this.members.length;
  }

  /** The code of the single label `label`, or undefined for a label not in the list. */
  codeOf(label: string): number | undefined {
    const i = this.index.get(label);
    return i === undefined ? undefined : i + 1;
  }

  /** The code of `code`'s labels plus the label with index `label`. */
  add(code: number, label: number): number {
    if (code === 0) return label + 1;
    const members = this.members[code] as number[];
    if (members.includes(label)) return code;
    const union = [...members, label].sort((x, y) => x - y);
    const key = union.join(',');
    let result = this.byKey.get(key);
    if (result === undefined) {
      result = this.members.length;
      this.members.push(union);
      this.byKey.set(key, result);
    }
    return result;
  }

  has(code: number, label: number): boolean {
    return code === label + 1 || (this.members[code]?.includes(label) ?? false);
  }

  /** The category as tokenLabelSequence spells it. */
  name(code: number): string {
    const members = this.members[code] as number[];
    return members.length === 0
      ? OUTSIDE
      : members
          .map((i) => this.labels[i] as string)
          .sort()
          .join(LABEL_SET_SEPARATOR);
  }
}

/**
 * tokenLabelSequence on integer codes, for callers that validated tokens (assertTokenOffsets) and
 * spans once: writes into `codes` the code (in `sets`) of the labels covering each token, and
 * returns it. `tokenOffsets` holds each token's start and end one after the other; spans whose
 * label is not in `sets` are ignored.
 */
export function labelTokenCodes(tokenOffsets: ArrayLike<number>, spans: Iterable<Span>, sets: LabelSets, codes: Int32Array): Int32Array {
  const count = tokenOffsets.length / 2;
  for (const span of spans) {
    const single = sets.codeOf(span.label);
    if (single === undefined) continue;
    for (let t = firstTokenEndingAfter(tokenOffsets, span.start); t < count && (tokenOffsets[2 * t] as number) < span.end; t++) {
      const code = codes[t] as number;
      codes[t] = code === 0 ? single : sets.add(code, single - 1);
    }
  }
  return codes;
}

/** Throws unless `tokenOffsets` (start, end, start, end, …) are valid, sorted and non-overlapping. */
export function assertTokenOffsets(tokenOffsets: ArrayLike<number>): void {
  if (tokenOffsets.length % 2 !== 0) throw new AgreementInputError('Token offsets must come in start, end pairs.');
  for (let i = 0; i < tokenOffsets.length / 2; i++) {
    const start = tokenOffsets[2 * i] as number;
    const end = tokenOffsets[2 * i + 1] as number;
    if (!validOffsets(start, end)) assertOffsets(start, end, `token ${i}`);
    if (i > 0 && start < (tokenOffsets[2 * i - 1] as number)) {
      throw new AgreementInputError(
        `Tokens must be sorted and non-overlapping: token ${i} [${start}, ${end}) starts before token ${i - 1} ends at ${tokenOffsets[2 * i - 1]}.`,
      );
    }
  }
}

/** The multi-label view joins labels with LABEL_SET_SEPARATOR, so a label containing it would make categories ambiguous. */
export function assertJoinableLabels(labels: Iterable<string>): void {
  for (const label of labels) {
    if (label.includes(LABEL_SET_SEPARATOR)) {
      throw new AgreementInputError(
        `Label ${JSON.stringify(label)} contains "${LABEL_SET_SEPARATOR}", which the multi-label view uses to join labels; ` +
          'pass a label to use the per-label view instead.',
      );
    }
  }
}

function firstTokenEndingAfter(tokenOffsets: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = tokenOffsets.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokenOffsets[2 * mid + 1] as number) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
