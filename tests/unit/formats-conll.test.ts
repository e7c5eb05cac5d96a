import { addCounts } from '@/lib/formats/counts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyBioStats } from '@/lib/formats/bio';
import { CONLL_DOCSTART, conllDocument } from '@/lib/formats/conll';
import { ImportError } from '@/lib/import/types';
import type { ExportDocument, ExportSpan } from '@/lib/formats/model';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';
import { importExport } from '../support/imported-export';
import { tokenize } from '@/lib/tokenize';

/** conlleval's expectations: 2 tab-separated fields, O/B-X/I-X tags, no I-X that does not continue an X. */
function conllProblems(output: string): string[] {
  const problems: string[] = [];
  let previous = 'O';
  output.split('\n').forEach((line, index) => {
    if (line === '' || line === CONLL_DOCSTART) {
      previous = 'O';
      return;
    }
    const fields = line.split('\t');
    const tag = fields[1] ?? '';
    if (fields.length !== 2 || fields[0] === '') problems.push(`line ${index + 1}: ${fields.length} fields`);
    if (!/^(O|[BI]-\S+)$/.test(tag)) problems.push(`line ${index + 1}: bad tag ${tag}`);
    if (tag.startsWith('I-') && previous.slice(1) !== tag.slice(1)) problems.push(`line ${index + 1}: ${tag} after ${previous}`);
    previous = tag;
  });
  return problems;
}

const writeAll = (docs: ExportDocument[]) => docs.map((doc) => conllDocument(doc).text).join('');

function entityDoc(text: string, spans: [quote: string, label: string][]): ExportDocument {
  return {
    id: 'd',
    name: 'd',
    text,
    metadata: {},
    relations: [],
    documentLabels: [],
    spans: spans.map(([quote, label], index): ExportSpan => {
      const start = Array.from(text.slice(0, text.indexOf(quote))).length;
      return { id: `s${index}`, start, end: start + Array.from(quote).length, label, layer: 'ENTITY', quote, author: 'gold', attributes: {} };
    }),
  };
}

// Property runs take a second or two; leave headroom for a loaded machine.
const PROPERTY_TIMEOUT = 30_000;

describe('conll writer', () => {
  it('writes valid BIO for the sample, one token per line as the shared tokenizer cuts them, split where a span ends inside one', () => {
    const output = writeAll(SAMPLE_DOCUMENTS);
    expect(conllProblems(output)).toEqual([]);
    const doc = SAMPLE_DOCUMENTS[0]!;
    const tokens = output
      .split('\n\n-DOCSTART-')[0]!
      .split('\n')
      .filter((line) => line.includes('\t'))
      .map((line) => line.split('\t')[0]);
    const shared = tokenize(doc.text).flatMap((sentence) => sentence.tokens.map((token) => token.text));
    // The GPE span "Pakistan" ends inside the token "Pakistan's": the token is cut there, nothing else moves.
    expect(tokens).toEqual(shared.flatMap((token) => (token === "Pakistan's" ? ['Pakistan', "'s"] : [token])));
    for (const line of ['Doha\tB-GPE', 'Pakistan\tB-GPE', "'s\tO", 'Afghan\tB-ORG', 'Taliban\tI-ORG', 'پښتونخوا\tB-LOC', 'بِلال\tB-PERSON', '👍🏽\tO']) {
      expect(output.split('\n')).toContain(line);
    }
    expect(output.startsWith(`${CONLL_DOCSTART}\n\n`)).toBe(true);
  });

  it('counts what it changed or flat BIO cannot hold: split tokens, merged sentences, nested and untokenized spans', () => {
    const { stats } = conllDocument(SAMPLE_DOCUMENTS[0]!);
    expect(stats).toEqual({ boundaryAdjusted: 0, droppedNested: 1, droppedUntokenized: 0, tokensSplit: 1, sentencesMerged: 0 });

    const doc = entityDoc('Hafiz Gul\nBahadur spoke  to Kabulis.', [
      ['Gul\nBahadur', 'PERSON'],
      ['  ', 'LOC'],
      ['Kabul', 'GPE'],
      ['to Kabulis', 'NORP'],
    ]);
    const result = conllDocument(doc);
    // The PERSON span crosses a line break: the two sentences become one, and the entity stays one entity.
    expect(result.text).toBe(`${CONLL_DOCSTART}\n\nHafiz\tO\nGul\tB-PERSON\nBahadur\tI-PERSON\nspoke\tO\nto\tB-NORP\nKabul\tI-NORP\nis\tI-NORP\n.\tO\n\n`);
    expect(result.stats).toEqual({ boundaryAdjusted: 0, droppedNested: 1, droppedUntokenized: 1, tokensSplit: 1, sentencesMerged: 1 });
  });

  it('keeps an entity with an abbreviation whole where ICU ends a sentence after "P."', () => {
    const doc = entityDoc('Reporters met P. Simmons in Boston. Louis D. Boccardi spoke.', [
      ['P. Simmons', 'PER'],
      ['Louis D. Boccardi', 'PER'],
      ['Boston', 'LOC'],
    ]);
    // Without the span, ICU splits after "P." (the shared tokenizer's sentences show it).
    expect(tokenize(doc.text).length).toBeGreaterThan(2);
    const result = conllDocument(doc);
    expect(conllProblems(result.text)).toEqual([]);
    const entities = result.text.split('\n').filter((line) => /\tB-/.test(line));
    expect(entities).toEqual(['P\tB-PER', 'Boston\tB-LOC', 'Louis\tB-PER']);
    expect(result.text).toContain('P\tB-PER\n.\tI-PER\nSimmons\tI-PER\n');
    expect(result.text).toContain('Louis\tB-PER\nD\tI-PER\n.\tI-PER\nBoccardi\tI-PER\n');
    expect(result.stats.sentencesMerged).toBeGreaterThan(0);
    expect(addCounts(emptyBioStats(), result.stats)).toEqual(result.stats);
  });

  it('keeps the longer of two crossing spans and separates adjacent entities of one type', () => {
    const crossing = entityDoc('New York City Hall opened', [
      ['New York', 'GPE'],
      ['York City Hall', 'FAC'],
    ]);
    expect(conllDocument(crossing).text).toContain('New\tO\nYork\tB-FAC\nCity\tI-FAC\nHall\tI-FAC\n');
    const adjacent = entityDoc('Pakistan Afghanistan', [
      ['Pakistan', 'GPE'],
      ['Afghanistan', 'GPE'],
    ]);
    expect(conllDocument(adjacent).text).toContain('Pakistan\tB-GPE\nAfghanistan\tB-GPE\n');
  });

  it('refuses label keys a tab-separated tag cannot carry', () => {
    expect(() => conllDocument(entityDoc('a b', [['a', 'TWO WORDS']]))).toThrow(/whitespace/);
  });
});

/** Read back with the import users run (lib/import/parsers/conll.ts). */
const readConll = (input: string) => importExport('export.conll', input, 'conll');

describe('conll read back by the import', () => {
  it("gives back a file's own tokens and sentences, with IOB1 written as IOB2", async () => {
    const input = `${CONLL_DOCSTART}\n\nMr.\tI-PER\nP.\tI-PER\nSimmons\tI-PER\nof\tO\nU.S.\tI-LOC\n1-0\tO\n\nwon\tO\n.\tO\n\n`;
    const iob2 = input.replace('Mr.\tI-PER', 'Mr.\tB-PER').replace('U.S.\tI-LOC', 'U.S.\tB-LOC');
    expect(writeAll(await readConll(input))).toBe(iob2);
  });

  it('round-trips byte for byte: write → read → write', async () => {
    const output = writeAll(SAMPLE_DOCUMENTS);
    const read = await readConll(output);
    expect(read).toHaveLength(SAMPLE_DOCUMENTS.length);
    expect(writeAll(read)).toBe(output);
  });

  it('rebuilds text from tokens (spaces between tokens, newlines between sentences) with exact quotes', async () => {
    const [doc] = await readConll(`${CONLL_DOCSTART}\n\nThe\tO\nAfghan\tB-ORG\nTaliban\tI-ORG\n.\tO\n\n👍🏽\tO\nKabul\tB-GPE\n\n`);
    // 👍🏽 is two code points (U+1F44D U+1F3FD), so Kabul starts at 21 + 2 + 1.
    expect(doc?.text).toBe('The Afghan Taliban .\n👍🏽 Kabul');
    expect(doc?.spans.map(({ start, end, quote, label }) => ({ start, end, quote, label }))).toEqual([
      { start: 4, end: 18, quote: 'Afghan Taliban', label: 'ORG' },
      { start: 24, end: 29, quote: 'Kabul', label: 'GPE' },
    ]);
  });

  it('reads 4-column CoNLL-2003 and IOB1, where I- may open an entity', async () => {
    const [doc] = await readConll('-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\ncall NN I-NP O\n');
    expect(doc?.spans.map((span) => [span.quote, span.label])).toEqual([
      ['EU', 'ORG'],
      ['German', 'MISC'],
    ]);
  });

  it('names the line and the reason of malformed input', async () => {
    const bad = async (input: string) => {
      try {
        await readConll(input);
      } catch (error) {
        return error instanceof ImportError ? [error.location.line, error.reason] : error;
      }
      return 'accepted';
    };
    expect(await bad(`${CONLL_DOCSTART}\n\nKabul\tB-GPE\nlonely\n`)).toEqual([
      4,
      'expected a token and a tag separated by whitespace (CoNLL: the token first, the BIO tag last)',
    ]);
    expect(await bad('Kabul\tGPE\n')).toEqual([1, 'tag "GPE" is not O, B-<type>, I-<type>, E-<type> or S-<type>']);
  });

  it(
    'round-trips random documents of words, punctuation, emoji and Arabic script (property)',
    async () => {
      const word = fc.constantFrom(
        'Kabul',
        'talks',
        "Pakistan's",
        'U.S.',
        '3.5',
        'e.g.',
        'امن',
        'پښتونخوا',
        'بِلال',
        'q\u0307ari',
        '👍🏽',
        '🇵🇰',
        '👨‍👩‍👧',
        '.',
        ',',
        '!',
        '?',
        '"',
        "'",
        '(',
        ')',
        '—',
        '...',
        ':',
        'Mr.',
        'A.',
        '۔',
        '،',
      );
      const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '  ');
      const text = fc.array(fc.tuple(word, separator), { minLength: 1, maxLength: 30 }).map((parts) => parts.flat().join('').normalize('NFC'));
      const doc = text.chain((t) => {
        const length = Array.from(t).length;
        const span = fc
          .tuple(fc.nat(length - 1), fc.integer({ min: 1, max: 12 }), fc.constantFrom('PER', 'LOC', 'ORG'))
          .map(([start, size, label]) => ({ start, end: Math.min(length, start + size), label }));
        return fc.array(span, { maxLength: 6 }).map(
          (spans): ExportDocument => ({
            id: 'd',
            name: 'd',
            text: t,
            metadata: {},
            relations: [],
            documentLabels: [],
            spans: spans.map((s, index) => ({
              ...s,
              id: `s${index}`,
              layer: 'ENTITY',
              quote: Array.from(t).slice(s.start, s.end).join(''),
              author: 'gold',
              attributes: {},
            })),
          }),
        );
      });
      await fc.assert(
        fc.asyncProperty(fc.array(doc, { minLength: 1, maxLength: 3 }), async (docs) => {
          const output = writeAll(docs);
          expect(conllProblems(output)).toEqual([]);
          expect(writeAll(await readConll(output))).toBe(output);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT,
  );
});
