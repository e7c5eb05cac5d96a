import { codePointLength } from '@/lib/offsets';
import { SOURCE_LABEL_ATTRIBUTE } from '@/lib/formats/source-labels';
import type { ImportedDocument, ImportedSpan, SourceLocation } from '../types';
import { newDocument } from './document';

type TagPrefix = 'B' | 'I' | 'E' | 'S' | undefined;

/**
 * A document assembled token by token from a tagged, tokenized source (CoNLL, CoNLL-U). The text is
 * rebuilt from the tokens: one space between tokens unless the source says there is none,
 * '\n' between sentences. The tokens and sentences themselves are kept (`sourceTokens`), so an
 * export gives back exactly the source's tokenization, and each span keeps its label as the source
 * spelled it in the `source_label` attribute.
 *
 * Tags: B-X opens a span, I-X and E-X continue an open X span (E-X then closes it), S-X is a
 * one-token span. An I-X or E-X that does not continue an X span opens one (IOB1 files, and BIO
 * files with that slip, read as conlleval reads them). Spans end at sentence breaks.
 */
export class TokenDocumentBuilder {
  private readonly pieces: string[] = [];
  private readonly spans: ImportedSpan[] = [];
  private readonly tokenOffsets: number[] = [];
  private readonly sentenceStarts: number[] = [];
  private offset = 0;
  private inSentence = false;
  private open: ImportedSpan | undefined;

  constructor(
    private readonly location: SourceLocation,
    private readonly tokenizer: string,
  ) {}

  get hasTokens(): boolean {
    return this.pieces.length > 0;
  }

  add(token: string, prefix: TagPrefix, label: string, location: SourceLocation, spaceBefore = true): void {
    if (this.hasTokens) {
      const separator = !this.inSentence ? '\n' : spaceBefore ? ' ' : '';
      this.pieces.push(separator);
      this.offset += separator.length;
    }
    if (!this.inSentence) this.sentenceStarts.push(this.tokenOffsets.length / 2);
    this.inSentence = true;
    const start = this.offset;
    this.pieces.push(token);
    this.offset += codePointLength(token);
    this.tokenOffsets.push(start, this.offset);
    const continues = (prefix === 'I' || prefix === 'E') && this.open?.label === label;
    if (continues && this.open) this.open.end = this.offset;
    else {
      this.close();
      if (prefix !== undefined) this.open = { start, end: this.offset, label, attributes: { [SOURCE_LABEL_ATTRIBUTE]: label }, location };
    }
    if (prefix === 'E' || prefix === 'S') this.close();
  }

  endSentence(): void {
    this.close();
    this.inSentence = false;
  }

  finish(name: string): ImportedDocument {
    this.close();
    const doc = newDocument(name, this.pieces.join(''), this.location);
    doc.spans = this.spans;
    doc.sourceTokens = { tokenOffsets: this.tokenOffsets, sentenceStarts: this.sentenceStarts, tokenizer: this.tokenizer };
    return doc;
  }

  private close(): void {
    if (this.open) this.spans.push(this.open);
    this.open = undefined;
  }
}

/** A BIO/BIOES tag: the prefix (undefined for O) and the label, or undefined when it is neither. */
export function parseTag(tag: string): { prefix: TagPrefix; label: string } | undefined {
  if (tag === 'O') return { prefix: undefined, label: '' };
  const match = /^([BIES])-(\S+)$/.exec(tag);
  return match ? { prefix: match[1] as TagPrefix, label: match[2]! } : undefined;
}
