export { normalizeText } from './normalize';
export {
  OffsetIndex,
  codePointLength,
  codePointToUtf16,
  utf16ToCodePoint,
  sliceByCodePoints,
} from './codepoints';
export { validateSpan, type SpanInput, type SpanCheck, type SpanProblem } from './spans';
export { snapToGraphemes, snapToWords } from './boundaries';
export { splitParagraphs, type Paragraph } from './paragraphs';
export { buildSegmentTable, type SegmentTable, type Bias } from './segment-table';
export type { CodePointRange } from './types';
export { countBelow } from './search';
