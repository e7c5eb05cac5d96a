import { describe, expect, it } from 'vitest';
import { detectFormat, parseSource } from '@/lib/import/parsers';
import { readLines } from '@/lib/import/parsers/input';
import { ImportError, type ImportFormat } from '@/lib/import/types';
import { collect, failure, sourceOf } from '../fixtures/import/source';
import { bytes } from '../support/bytes';

describe('detectFormat', () => {
  // Every file shape detectFormat tells apart, as [file name, head of its content, the format it must name].
  it.each<[string, string, ImportFormat]>([
    // By extension, case-insensitively.
    ['a.txt', '', 'txt'],
    ['notes.MD', '', 'md'],
    ['x.markdown', '', 'md'],
    ['page.htm', '', 'html'],
    ['r.docx', '', 'docx'],
    ['r.pdf', '', 'pdf'],
    ['t.csv', '', 'csv'],
    ['export.json', '[{"data":{}}]', 'label-studio'],
    ['corpus.zip', '', 'brat'],
    ['doc.ann', '', 'brat'],
    ['A.CONLLU', '', 'conllu'],
    ['a.conll', '', 'conll'],
    ['a.bio', '', 'conll'],
    ['a.iob', '', 'conll'],
    // The JSONL formats apart by the first record.
    ['a.jsonl', '{"id":"d1","name":"n","text":"t","label":[[0,1,"X"]],"spans":[]}\n', 'glossa'],
    ['a.jsonl', '\n{"text":"t","label":[[0,1,"X"]]}\n', 'doccano'],
    ['a.ndjson', '{"text":"t","entities":[],"relations":[]}', 'doccano'],
    ['a.jsonl', '{"id":1,"annotations":[],"data":{"text":"t"}}\n', 'label-studio'],
    ['a.jsonl', '\uFEFF{"text":"just text","source":"web"}\n{"text":"more"}', 'jsonl'],
    // doccano 1.x lines (text in "data", "annotations" without results) are doccano, not Label Studio.
    ['a.jsonl', '{"id":1,"data":"Apple buys Beats","label":[[0,5,"ORG"]]}\n', 'doccano'],
    ['a.jsonl', '{"id":1,"text":"t","annotations":[{"label":3,"start_offset":0,"end_offset":1,"user":1}]}\n', 'doccano'],
    ['a.jsonl', '{"text":"t","cats":{"positive":1}}\n', 'doccano'],
    // Tab-separated files are WebAnno TSV with its #FORMAT header, CSV with tabs otherwise.
    ['a.tsv', '#FORMAT=WebAnno TSV 3.3\n#T_SP=x', 'webanno-tsv'],
    ['a.tsv', '\uFEFF#FORMAT=WebAnno TSV 3.2\n', 'webanno-tsv'],
    ['a.tsv', 'ID\tTarget\tTweet\tStance\n', 'csv'],
  ])('names %s starting %j as %s', (name, head, format) => {
    expect(detectFormat(name, bytes(head))).toBe(format);
  });

  it('reads a first record cut off by the chunk as far as it goes', () => {
    expect(detectFormat('a.jsonl', bytes('{"data":{"text":"a very long te'))).toBe('label-studio');
    expect(detectFormat('a.jsonl', bytes('{"label":[[0,4,"PER"]],"text":"a very long te'))).toBe('doccano');
    const error = (() => {
      try {
        detectFormat('a.jsonl', bytes('{"id":"d1","name":"n","text":"a very long te'));
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.reason).toMatch(/longer than the \d+ bytes examined.*choose the format/);
  });

  it('rejects unknown extensions, naming the accepted ones', () => {
    expect(() => detectFormat('slides.pptx', bytes(''))).toThrow(ImportError);
    expect(() => detectFormat('slides.pptx', bytes(''))).toThrow(
      /slides\.pptx: unsupported file type "\.pptx"; accepted: \.txt, \.md, .*\.jsonl, .*\.zip, .*\.iob/,
    );
    expect(() => detectFormat('README', bytes(''))).toThrow(/no extension/);
  });

  it('rejects a JSONL file whose first record is not JSON, at its line', () => {
    expect(() => detectFormat('a.jsonl', bytes('\n{"text": oops}\n{"text":"x"}\n'))).toThrow(/a\.jsonl:2: not valid JSON/);
    expect(() => detectFormat('a.jsonl', bytes('\n  \n'))).toThrow('a.jsonl: the file begins with no JSON record (is it empty?)');
  });
});

describe('line splitter', () => {
  it('handles chunks cut inside characters and CRLF, blank lines and a last line without newline', async () => {
    const text = 'اردو\r\n\r\n🙂 two\nthree';
    for (const size of [1, 2, 3, 5, 64]) {
      const lines = [];
      for await (const line of readLines(sourceOf('x.txt', text, size))) lines.push(line);
      expect(lines).toEqual([
        { line: 1, text: 'اردو' },
        { line: 2, text: '' },
        { line: 3, text: '🙂 two' },
        { line: 4, text: 'three' },
      ]);
    }
  });

  it('adds no empty line after a final newline and drops a leading BOM', async () => {
    const lines = [];
    for await (const line of readLines(sourceOf('x.txt', '\uFEFFa\nb\n'))) lines.push(line.text);
    expect(lines).toEqual(['a', 'b']);
  });

  it('reports invalid UTF-8 at its line', async () => {
    const content = Buffer.concat([Buffer.from('{"text":"ok"}\n{"text":"ok"}\n{"text":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const error = await failure(parseSource(sourceOf('bad.jsonl', content), 'jsonl'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('bad.jsonl:3: the file is not valid UTF-8 at byte 37 (save it as UTF-8 and upload it again)');
  });
});

describe('txt and md', () => {
  it('one document per file, named after it, text exactly as is', async () => {
    const text = 'Line one\r\n\r\nسلام  دنیا\ttab\n';
    const [doc] = await collect(parseSource(sourceOf('folder/notes.v2.txt', text), 'txt'));
    expect(doc).toEqual({ name: 'notes.v2', text, metadata: {}, spans: [], relations: [], documentLabels: [], location: { file: 'folder/notes.v2.txt' } });
  });

  it('keeps Markdown source as it is', async () => {
    const text = '# Title\n\n*emphasis* and [a link](http://x)\n';
    const docs = await collect(parseSource(sourceOf('README.md', text), 'md'));
    expect(docs.map((d) => [d.name, d.text])).toEqual([['README', text]]);
  });

  it('rejects an empty file and invalid UTF-8 with its line', async () => {
    expect((await failure(parseSource(sourceOf('empty.txt', ' \n'), 'txt'))).message).toBe('empty.txt: document "empty" has no text');
    const latin1 = Buffer.from('first line\ncaf\xe9\n', 'latin1');
    expect((await failure(parseSource(sourceOf('latin1.txt', latin1), 'txt'))).message).toMatch(/^latin1\.txt:2: the file is not valid UTF-8/);
  });
});

describe('html', () => {
  const page = `<!doctype html>
<html><head><title>  The   Title </title><style>p { color: red }</style><script>var x = "<p>no</p>";</script></head>
<body>
  <nav><a href="/">Home</a></nav>
  <h1>Heading &amp; more</h1>
  <p>First   paragraph
     continues <b>bold</b>&nbsp;here.</p>
  <div>Block<br>after break</div>
  <ul><li>one</li><li>two <i>items</i></li></ul>
  <pre>
  code  keeps
    spacing</pre>
  <table><tr><td>a</td><td>b</td></tr></table>
  <noscript>enable js</noscript><template><p>hidden</p></template><svg><title>icon</title><text>svg text</text></svg>
  <iframe src="x">frame</iframe>
  trailing text
</body></html>`;

  it('extracts blocks separated by blank lines, collapses whitespace, keeps <pre>', async () => {
    const [doc] = await collect(parseSource(sourceOf('page.html', page), 'html'));
    expect(doc?.name).toBe('page');
    expect(doc?.metadata).toEqual({ title: 'The Title' });
    expect(doc?.text).toBe(
      [
        'Home',
        'Heading & more',
        'First paragraph continues bold\u00a0here.',
        'Block',
        'after break',
        'one',
        'two items',
        '  code  keeps\n    spacing',
        'a b',
        'trailing text',
      ].join('\n\n'),
    );
  });

  it('rejects a page without readable text', async () => {
    expect(
      (await failure(parseSource(sourceOf('blank.html', '<html><head><title>T</title></head><body><script>1</script></body></html>'), 'html'))).message,
    ).toBe('blank.html: document "blank" has no text');
  });
});

describe('csv', () => {
  const csv = 'id,text,name,lang\r\n1,"Hello, world",greeting,en\r\n2,"multi\nline ""quoted""",,ur\r\n\r\n3,سلام 🙂,salaam,ur';

  it('one document per row: text column, name column or file#row, other columns as metadata', async () => {
    const docs = await collect(parseSource(sourceOf('tweets.csv', csv), 'csv'));
    expect(docs.map(({ name, text, metadata, location }) => ({ name, text, metadata, location }))).toEqual([
      { name: 'greeting', text: 'Hello, world', metadata: { id: '1', lang: 'en' }, location: { file: 'tweets.csv', line: 2 } },
      { name: 'tweets#2', text: 'multi\nline "quoted"', metadata: { id: '2', lang: 'ur' }, location: { file: 'tweets.csv', line: 3 } },
      { name: 'salaam', text: 'سلام 🙂', metadata: { id: '3', lang: 'ur' }, location: { file: 'tweets.csv', line: 6 } },
    ]);
  });

  it('takes the text and name columns from the options', async () => {
    const docs = await collect(parseSource(sourceOf('x.csv', 'body,title,text\nThe body,T1,not this\n'), 'csv', { textColumn: 'body', nameColumn: 'title' }));
    expect(docs.map((d) => [d.name, d.text, d.metadata])).toEqual([['T1', 'The body', { text: 'not this' }]]);
  });

  it('names the available columns when the text column is missing', async () => {
    const error = await failure(parseSource(sourceOf('x.csv', 'id,content\n1,abc\n'), 'csv'));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe('x.csv:1: there is no text column "text"; the columns are "id", "content"');
    expect((await failure(parseSource(sourceOf('x.csv', 'text\nabc\n'), 'csv', { nameColumn: 'title' }))).message).toBe(
      'x.csv:1: there is no name column "title"; the columns are "text"',
    );
  });

  it('rejects empty texts, ragged rows and empty files at their lines', async () => {
    expect((await failure(parseSource(sourceOf('x.csv', 'text,n\nok,1\n  ,2\n'), 'csv'))).message).toBe('x.csv:3: document "x#2" has no text');
    expect((await failure(parseSource(sourceOf('x.csv', 'text,n\nok,1\nextra,2,3\n'), 'csv'))).message).toMatch(
      /^x\.csv:3: the row has 3 field\(s\) but the header names 2 column\(s\); quote a field that holds a comma/,
    );
    expect((await failure(parseSource(sourceOf('x.csv', ''), 'csv'))).message).toMatch(/^x\.csv: the file is empty/);
    expect((await failure(parseSource(sourceOf('x.csv', 'text,text\na,b\n'), 'csv'))).message).toBe('x.csv:1: header: column "text" appears twice');
  });
});

describe('plain jsonl', () => {
  it('one document per line with name, metadata and other fields as metadata', async () => {
    const jsonl = '{"text":"first 🙂","name":"a","metadata":{"source":"web"},"lang":"en"}\r\n\r\n{"text":"دوسرا","lang":"ur"}';
    const docs = await collect(parseSource(sourceOf('batch.jsonl', jsonl), 'jsonl'));
    expect(docs.map(({ name, text, metadata, location }) => ({ name, text, metadata, location }))).toEqual([
      { name: 'a', text: 'first 🙂', metadata: { lang: 'en', source: 'web' }, location: { file: 'batch.jsonl', line: 1 } },
      { name: 'batch#3', text: 'دوسرا', metadata: { lang: 'ur' }, location: { file: 'batch.jsonl', line: 3 } },
    ]);
  });

  it('reports a bad JSON line with its number', async () => {
    const error = await failure(parseSource(sourceOf('batch.jsonl', '{"text":"a"}\n{"text":"b"}\n{"text": "c",}\n'), 'jsonl'));
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).location).toEqual({ file: 'batch.jsonl', line: 3 });
    expect((error as ImportError).reason).toMatch(/^not valid JSON \(/);
  });

  it('rejects records without text', async () => {
    expect((await failure(parseSource(sourceOf('b.jsonl', '{"content":"x"}\n'), 'jsonl'))).message).toBe(
      'b.jsonl:1: text: expected a string (plain JSON Lines keeps the document text in "text")',
    );
    expect((await failure(parseSource(sourceOf('b.jsonl', '["x"]\n'), 'jsonl'))).message).toBe(
      'b.jsonl:1: expected a JSON object per line ({ "text": "…", "name"?: "…", "metadata"?: {…} })',
    );
  });
});

describe('parseSource', () => {
  it('reads nothing until iterated, so a bad file fails inside the iteration', async () => {
    let opened = false;
    const documents = parseSource({ name: 'x.ann', stream: () => ((opened = true), sourceOf('x.ann', '').stream()) }, 'brat');
    expect(opened).toBe(false);
    expect((await failure(documents)).message).toMatch(/^x\.ann: a brat \.ann file needs its \.txt/);
  });
});
