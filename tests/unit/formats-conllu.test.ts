import { describe, expect, it } from 'vitest';
import { conlluDocument } from '@/lib/formats/conllu';
import { withSourceLabels } from '@/lib/formats/source-labels';
import { parseSource } from '@/lib/import/parsers';
import { EMPTY_NODES_SKIPPED, MULTIWORD_SKIPPED } from '@/lib/import/parsers/conllu';
import { collect, covered, failure, sourceOf } from '../fixtures/import/source';
import { asExportDocument } from '../support/imported-export';
import { SAMPLE_DOCUMENTS } from '../support/formats-sample';

const row = (id: string | number, form: string, misc: string) => `${id}\t${form}\t_\t_\t_\t_\t_\t_\t_\t${misc}\n`;

// The shape Glossa writes: every comment it knows, NER in MISC, SpaceAfter=No where tokens touch.
const GLOSSA_SHAPED =
  '# newdoc id = ap-1996\n# sent_id = ap-1996-1\n# text = P. Simmons (AP) met Louis D. Boccardi.\n' +
  row(1, 'P.', 'NER=B-PER') +
  row(2, 'Simmons', 'NER=I-PER') +
  row(3, '(', 'NER=O|SpaceAfter=No') +
  row(4, 'AP', 'NER=B-ORG|SpaceAfter=No') +
  row(5, ')', 'NER=O') +
  row(6, 'met', 'NER=O') +
  row(7, 'Louis', 'NER=B-PER') +
  row(8, 'D.', 'NER=I-PER') +
  row(9, 'Boccardi', 'NER=I-PER|SpaceAfter=No') +
  row(10, '.', 'NER=O') +
  '\n' +
  '# sent_id = ap-1996-2\n# text = Mrs. Doubtfire left.\n' +
  row(1, 'Mrs.', 'NER=B-creative-work') +
  row(2, 'Doubtfire', 'NER=I-creative-work') +
  row(3, 'left.', 'NER=O') +
  '\n' +
  '# newdoc id = ap-1997\n# sent_id = ap-1997-1\n# text = Kabul\n' +
  row(1, 'Kabul', 'NER=B-LOC') +
  '\n';

const read = async (name: string, content: string) => collect(parseSource(sourceOf(name, content), 'conllu'));

describe('conllu reader', () => {
  it('rebuilds the text from FORM and SpaceAfter=No, one document per # newdoc, keeping tokens, sentences and source labels', async () => {
    const [first, second] = await read('ap.conllu', GLOSSA_SHAPED);
    expect(first?.name).toBe('ap-1996');
    expect(first?.text).toBe('P. Simmons (AP) met Louis D. Boccardi.\nMrs. Doubtfire left.');
    expect(covered(first!)).toEqual([
      ['P. Simmons', 'PER'],
      ['AP', 'ORG'],
      ['Louis D. Boccardi', 'PER'],
      ['Mrs. Doubtfire', 'creative-work'],
    ]);
    expect(first?.spans[3]?.attributes).toEqual({ source_label: 'creative-work' });
    expect(first?.sourceTokens).toEqual({
      tokenizer: 'source:conllu',
      tokenOffsets: [0, 2, 3, 10, 11, 12, 12, 14, 14, 15, 16, 19, 20, 25, 26, 28, 29, 37, 37, 38, 39, 43, 44, 53, 54, 59],
      sentenceStarts: [0, 10],
    });
    expect(second?.name).toBe('ap-1997');
    expect(covered(second!)).toEqual([['Kabul', 'LOC']]);
  });

  it('keeps a multi-word token as one token with its surface form, skips empty nodes, and counts both', async () => {
    const input =
      '# text = Vamos al cine.\n' +
      `${row(1, 'Vamos', '_')}${row('2-3', 'al', '_')}${row(2, 'a', '_')}${row(3, 'el', 'NER=B-LOC')}` +
      `${row('3.1', 'ir', '_')}${row(4, 'cine', 'NER=I-LOC|SpaceAfter=No')}${row(5, '.', '_')}\n`;
    const [doc] = await read('es.conllu', input);
    expect(doc?.name).toBe('es');
    expect(doc?.text).toBe('Vamos al cine.');
    // "al" (a + el) takes el's B-LOC, the first tag other than O among its words; cine continues it.
    expect(covered(doc!)).toEqual([['al cine', 'LOC']]);
    expect(doc?.skipped).toEqual({ [MULTIWORD_SKIPPED]: 1, [EMPTY_NODES_SKIPPED]: 1 });
    expect(doc?.metadata).toEqual({});
  });

  it('rejects lines that are not CoNLL-U at their line, naming what was expected', async () => {
    expect((await failure(parseSource(sourceOf('x.conllu', '1\tKabul\tB-LOC\n'), 'conllu'))).message).toBe(
      'x.conllu:1: expected 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), found 3',
    );
    expect((await failure(parseSource(sourceOf('x.conllu', row(1, 'Kabul', 'NER=X-LOC')), 'conllu'))).message).toBe(
      'x.conllu:1: NER=X-LOC is not O, B-<type>, I-<type>, E-<type> or S-<type>',
    );
    expect((await failure(parseSource(sourceOf('x.conllu', row('a', 'Kabul', '_')), 'conllu'))).message).toContain('x.conllu:1: ID "a" is not a word index');
    expect((await failure(parseSource(sourceOf('x.conllu', '# text = nothing\n\n'), 'conllu'))).message).toBe('x.conllu: the file has no tokens');
  });
});

describe('conllu writer', () => {
  it('round-trips a file of its own shape byte for byte: conllu → read → write', async () => {
    const docs = await read('ap.conllu', GLOSSA_SHAPED);
    expect(docs.map((doc) => conlluDocument(withSourceLabels(asExportDocument(doc))).text).join('')).toBe(GLOSSA_SHAPED);
  });

  it('writes every token of the sample with ten columns, NER in MISC and # text without line breaks', () => {
    const { text } = conlluDocument(SAMPLE_DOCUMENTS[0]!);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`# newdoc id = ${SAMPLE_DOCUMENTS[0]!.name}`);
    for (const line of lines.filter((l) => l !== '' && !l.startsWith('#'))) {
      expect(line.split('\t')).toHaveLength(10);
      expect(line.split('\t')[9]).toMatch(/^NER=(O|[BI]-\S+?)(\|SpaceAfter=No)?$/);
    }
    expect(lines).toContain(
      '1\tPakistan\t_\t_\t_\t_\t_\t_\t_\tNER=B-GPE|SpaceAfter=No'.replace(/^1/, lines.find((l) => l.split('\t')[1] === 'Pakistan')!.split('\t')[0]!),
    );
    for (const comment of lines.filter((l) => l.startsWith('# text = '))) expect(comment).not.toMatch(/\n/);
  });
});
