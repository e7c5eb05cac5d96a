import { OffsetIndex } from '@/lib/offsets';
import type { LearnedForm, ProposedSpan } from './types';

/**
 * Finds every occurrence of learned surface forms in a text, on word boundaries, longest
 * match first, left to right without overlap. Word characters are Unicode letters, marks,
 * numbers and connector punctuation, so a form never matches inside an Urdu word or stops
 * before a combining mark. Works in UTF-16 and answers code points.
 *
 * Forms are bucketed by their first word (or first character when they start with
 * punctuation), so each position of the text looks at the few forms that could start there:
 * a 100,000-character text against 5,000 forms stays far below a second (bench/suggest.ts).
 */
const WORD = /[\p{L}\p{M}\p{N}\p{Pc}]/u;
const WORD_RUN = /[\p{L}\p{M}\p{N}\p{Pc}]+/uy;

export interface MatcherOptions {
  caseSensitive: boolean;
}

interface Form {
  folded: string;
  entries: LearnedForm[];
}

export interface Matcher {
  match(text: string, acceptance?: ReadonlyMap<string, number>): ProposedSpan[];
}

/**
 * Lower-cases one UTF-16 unit at a time, keeping any unit whose lower case has another
 * length ("İ" → "i̇"), so folded and original texts share every offset.
 */
export function fold(text: string, caseSensitive: boolean): string {
  if (caseSensitive) return text;
  let out = '';
  for (const unit of text) {
    const lower = unit.toLowerCase();
    out += lower.length === unit.length ? lower : unit;
  }
  return out;
}

function isWordAt(text: string, utf16: number): boolean {
  if (utf16 < 0 || utf16 >= text.length) return false;
  const point = text.codePointAt(utf16)!;
  return WORD.test(String.fromCodePoint(point));
}

function isWordBefore(text: string, utf16: number): boolean {
  if (utf16 <= 0) return false;
  const low = text.charCodeAt(utf16 - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && utf16 >= 2 ? utf16 - 2 : utf16 - 1;
  return isWordAt(text, start);
}

/** The bucket a form (or the text at a position) falls in: its first word, or its first character. */
function bucketAt(text: string, utf16: number): string {
  WORD_RUN.lastIndex = utf16;
  const run = WORD_RUN.exec(text);
  return run ? run[0] : String.fromCodePoint(text.codePointAt(utf16)!);
}

export function buildMatcher(learned: readonly LearnedForm[], options: MatcherOptions): Matcher {
  const forms = new Map<string, Form>();
  for (const entry of learned) {
    const surface = entry.text.trim();
    if (surface === '') continue;
    const folded = fold(surface, options.caseSensitive);
    const form = forms.get(folded) ?? { folded, entries: [] };
    if (
      !form.entries.some((e) => e.label === entry.label && (e.target ?? null) === (entry.target ?? null) && (e.forUserId ?? null) === (entry.forUserId ?? null))
    ) {
      form.entries.push(entry);
    }
    forms.set(folded, form);
  }
  const buckets = new Map<string, Form[]>();
  for (const form of forms.values()) {
    const key = bucketAt(form.folded, 0);
    const bucket = buckets.get(key) ?? [];
    bucket.push(form);
    buckets.set(key, bucket);
  }
  for (const bucket of buckets.values()) bucket.sort((a, b) => b.folded.length - a.folded.length);

  return {
    match(text, acceptance = new Map()) {
      const folded = fold(text, options.caseSensitive);
      const index = new OffsetIndex(text);
      const found: ProposedSpan[] = [];
      let i = 0;
      while (i < folded.length) {
        const atWordStart = isWordAt(folded, i) && !isWordBefore(folded, i);
        const startsPunctuation = !isWordAt(folded, i) && !/\s/.test(folded[i]!);
        const form = atWordStart || startsPunctuation ? longestAt(folded, i, buckets.get(bucketAt(folded, i))) : undefined;
        if (!form) {
          i += folded.codePointAt(i)! > 0xffff ? 2 : 1;
          continue;
        }
        const end = i + form.folded.length;
        const start = index.toCodePoint(i);
        const endPoint = index.toCodePoint(end);
        const surface = text.slice(i, end);
        const score = acceptance.get(surface) ?? null;
        for (const entry of form.entries) {
          found.push({ start, end: endPoint, label: entry.label, target: entry.target ?? null, score, forUserId: entry.forUserId ?? null });
        }
        i = end;
      }
      return found;
    },
  };
}

/** The longest form of the bucket that occurs at `at` and ends on a word boundary. */
function longestAt(folded: string, at: number, bucket: Form[] | undefined): Form | undefined {
  if (!bucket) return undefined;
  for (const form of bucket) {
    if (!folded.startsWith(form.folded, at)) continue;
    const end = at + form.folded.length;
    // A form ending in a word character must not run on into the next word ("Pakistan" in "Pakistani").
    if (isWordBefore(folded, end) && isWordAt(folded, end)) continue;
    return form;
  }
  return undefined;
}
