import { tokenize, type Sentence } from '@/lib/tokenize';
import { firstAtLeast, fitSentences } from '@/lib/tokenize/fit';
import type { ExportDocument, ExportSpan } from './model';
import { assertNoWhitespace } from './text';

/**
 * Flat BIO tagging of the ENTITY layer over the document's tokens (those of its source, e.g. a
 * CoNLL import, stored with it; else lib/tokenize's), used by CoNLL, CoNLL-U, spaCy and HF.
 *
 * Rules (each counted in BioStats, which exports report in their dataset card):
 * - Tokens and sentences are first fitted to the ENTITY spans (lib/tokenize/fit): a token is split
 *   at every span boundary inside it (`tokensSplit`) and sentences a span crosses are merged
 *   (`sentencesMerged`), so no entity is cut in two or grown to whole tokens.
 * - A span covers every token it shares at least one character with; only a span that starts or
 *   ends on whitespace therefore differs from its tokens (`boundaryAdjusted`). A span covering
 *   no token (only whitespace) is dropped (`droppedUntokenized`).
 * - Overlap and nesting: flat BIO holds one entity per token, so spans are taken longest first
 *   (in tokens, then in code points, then earliest start, then input order) and a span sharing a
 *   token with one already taken is dropped (`droppedNested`): the outermost span wins, and of two
 *   crossing spans the longer.
 * Spans of several authors are not told apart: pass the spans of one source (e.g. gold).
 */

export interface BioStats {
  boundaryAdjusted: number;
  droppedNested: number;
  droppedUntokenized: number;
  tokensSplit: number;
  sentencesMerged: number;
}

interface BioSentence extends Sentence {
  /** 'O', 'B-<label>' or 'I-<label>', one per token. */
  tags: string[];
}

interface BioDocument {
  sentences: BioSentence[];
  stats: BioStats;
  /** Every tokenized ENTITY span, kept or not, with the sentence holding its first token. */
  placements: { span: ExportSpan; sentence: number }[];
}

export function emptyBioStats(): BioStats {
  return { boundaryAdjusted: 0, droppedNested: 0, droppedUntokenized: 0, tokensSplit: 0, sentencesMerged: 0 };
}

interface Candidate {
  span: ExportSpan;
  order: number;
  first: number;
  last: number;
}

export function bioTag(doc: ExportDocument): BioDocument {
  const entities = doc.spans.filter((span) => span.layer === 'ENTITY');
  const fitted = fitSentences(doc.sentences ?? tokenize(doc.text), entities);
  const sentences = fitted.sentences;
  // Token boundaries in flat arrays, not an object per token: an export tags tens of millions of tokens.
  const starts: number[] = [];
  const ends: number[] = [];
  const sentenceOf: number[] = [];
  sentences.forEach((sentence, index) => {
    for (const token of sentence.tokens) {
      starts.push(token.start);
      ends.push(token.end);
      sentenceOf.push(index);
    }
  });
  const stats = { ...emptyBioStats(), tokensSplit: fitted.tokensSplit, sentencesMerged: fitted.sentencesMerged };
  const candidates: Candidate[] = [];
  doc.spans.forEach((span, order) => {
    if (span.layer !== 'ENTITY') return;
    assertNoWhitespace('ENTITY label key', span.label);
    // The first token ending after the span's start, and the last starting before its end.
    const first = firstAtLeast(ends, span.start + 1);
    const last = firstAtLeast(starts, span.end) - 1;
    if (first > last) stats.droppedUntokenized++;
    else candidates.push({ span, order, first, last });
  });

  const owner: (Candidate | undefined)[] = new Array(starts.length);
  const byPriority = [...candidates].sort(
    (a, b) =>
      b.last - b.first - (a.last - a.first) || b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start || a.order - b.order,
  );
  for (const candidate of byPriority) {
    if (isOwned(owner, candidate.first, candidate.last)) {
      stats.droppedNested++;
      continue;
    }
    owner.fill(candidate, candidate.first, candidate.last + 1);
    if (starts[candidate.first] !== candidate.span.start || ends[candidate.last] !== candidate.span.end) stats.boundaryAdjusted++;
  }

  let flat = 0;
  const tagged = sentences.map((sentence) => {
    const tags = new Array<string>(sentence.tokens.length);
    for (let position = 0; position < tags.length; position++, flat++) {
      const candidate = owner[flat];
      tags[position] = candidate ? `${position > 0 && owner[flat - 1] === candidate ? 'I' : 'B'}-${candidate.span.label}` : 'O';
    }
    return { ...sentence, tags };
  });
  const placements = candidates.map(({ span, first }) => ({ span, sentence: sentenceOf[first] ?? 0 }));
  return { sentences: tagged, stats, placements };
}

function isOwned(owner: readonly (Candidate | undefined)[], first: number, last: number): boolean {
  for (let token = first; token <= last; token++) if (owner[token]) return true;
  return false;
}
