import styles from './Import.module.css';

interface Example {
  title: string;
  about: string;
  files: { name: string; body: string }[];
}

// The same sentence in every format: "Imran Khan spoke in Lahore." (PERSON 0–10, GPE 20–26).
const EXAMPLES: Example[] = [
  {
    title: 'Glossa JSONL',
    about: 'Glossa’s own export, one document per line. Every span states its quote.',
    files: [
      {
        name: 'data.jsonl',
        body:
          '{"name": "doc-1",\n "text": "Imran Khan spoke in Lahore.",\n "spans": [\n  {"start": 0, "end": ' +
          '10, "label": "PERSON",\n   "quote": "Imran Khan"},\n  {"start": 20, "end": 26, "label": "GPE",\n ' +
          '  "quote": "Lahore"}]}',
      },
    ],
  },
  {
    title: 'doccano JSONL',
    about: 'One document per line; "entities" with "relations" works too.',
    files: [{ name: 'doccano.jsonl', body: '{"text": "Imran Khan spoke in Lahore.",\n "label": [[0, 10, "PERSON"], [20, 26, "GPE"]]}' }],
  },
  {
    title: 'Label Studio JSON export',
    about: 'An array of tasks; "labels", "choices" and "relation" results are read.',
    files: [
      {
        name: 'export.json',
        body:
          '[{"id": 1, "data": {"text": "Imran Khan spoke in Lahore."},\n  "annotations": [{"result": ' +
          '[{"id": "r1", "type": "labels",\n    "from_name": "label", "to_name": "text",\n    "value": ' +
          '{"start": 0, "end": 10, "text": "Imran Khan",\n              "labels": ["PERSON"]}}]}]}]',
      },
    ],
  },
  {
    title: 'brat standoff',
    about: 'Upload each .txt together with its .ann (paired by name), or a .zip of the collection.',
    files: [
      { name: 'doc-1.txt', body: 'Imran Khan spoke in Lahore.' },
      { name: 'doc-1.ann', body: 'T1\tPERSON 0 10\tImran Khan\nT2\tGPE 20 26\tLahore' },
    ],
  },
  {
    title: 'CoNLL-2003 / BIO',
    about: 'One token per line, the tag in the last column; blank lines end sentences, -DOCSTART- starts a document.',
    files: [{ name: 'doc-1.conll', body: 'Imran   B-PERSON\nKhan    I-PERSON\nspoke   O\nin      O\nLahore  B-GPE\n.       O' }],
  },
  {
    title: 'CoNLL-U, NER in MISC',
    about: 'Ten tab-separated columns; the tag is NER= in the last, SpaceAfter=No joins tokens; # newdoc id starts a document.',
    files: [
      {
        name: 'doc-1.conllu',
        body:
          '# newdoc id = doc-1\n# text = Imran Khan spoke in ' +
          'Lahore.\n1\tImran\t_\t_\t_\t_\t_\t_\t_\tNER=B-PERSON\n2\tKhan\t_\t_\t_\t_\t_\t_\t_\tNER=I-PERSON\n' +
          '3\tspoke\t_\t_\t_\t_\t_\t_\t_\tNER=O\n4\tin\t_\t_\t_\t_\t_\t_\t_\tNER=O\n' +
          '5\tLahore\t_\t_\t_\t_\t_\t_\t_\tNER=B-GPE|SpaceAfter=No\n6\t.\t_\t_\t_\t_\t_\t_\t_\tNER=O',
      },
    ],
  },
  {
    title: 'WebAnno / INCEpTION TSV 3',
    about: 'One document per .tsv file; span and relation layers with their features, stacked spans with [ids].',
    files: [
      {
        name: 'doc-1.tsv',
        body:
          '#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Entity|label\n\n\n#Text=Imran Khan spoke in ' +
          'Lahore.\n1-1\t0-5\tImran\tPERSON[1]\t\n1-2\t6-10\tKhan\tPERSON[1]\t\n1-3\t11-16\tspoke\t_\t\n' +
          '1-4\t17-19\tin\t_\t\n1-5\t20-26\tLahore\tGPE\t\n1-6\t26-27\t.\t_\t',
      },
    ],
  },
];

/** Which files the importer reads, with the smallest useful example of each annotated format. */
export function FormatHelp({ projectId }: { projectId: string }) {
  return (
    <section aria-labelledby="formats-heading" className="panel">
      <h2 id="formats-heading">Accepted formats</h2>
      <p>
        <strong>Text only</strong>, one document per file: <code>.txt</code>, <code>.md</code>, <code>.html</code>/<code>.htm</code>, <code>.docx</code>,{' '}
        <code>.pdf</code>. One document per row or line: <code>.csv</code> (a header row; the text in the “text” column) and plain JSON Lines (
        <code>{'{"name": …, "text": …}'}</code>).
      </p>
      <p>
        <strong>With annotations</strong>, below. Offsets count Unicode code points (as Python does), end-exclusive. Where a format states the covered text, it
        is checked against the offsets, and a mismatch rejects the import. The examples are wrapped to fit; in a JSONL file each document is one line.
      </p>
      <div className={styles.formats}>
        {EXAMPLES.map((example) => (
          <div key={example.title} className={`card ${styles.format}`}>
            <h3>{example.title}</h3>
            <p className="note">{example.about}</p>
            {example.files.map((file) => (
              <figure key={file.name} className={styles.example}>
                <figcaption>
                  <code>{file.name}</code>
                </figcaption>
                {/* Focusable: a long example line scrolls, and keyboard users must be able to scroll it too (axe: scrollable-region-focusable). */}
                <pre className="code-block" tabIndex={0}>
                  <code>{file.body}</code>
                </pre>
              </figure>
            ))}
          </div>
        ))}
      </div>
      <p>
        For very large batches, the command line streams from disk instead of uploading through the browser:{' '}
        <code>npx glossa import --project {projectId} --file data.jsonl</code>
      </p>
    </section>
  );
}
