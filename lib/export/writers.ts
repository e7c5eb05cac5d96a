import { addCounts } from '@/lib/formats/counts';
import { emptyBioStats, type BioStats } from '@/lib/formats/bio';
import { bratDocument, recordAttributeUse, type BratAttributeUse } from '@/lib/formats/brat';
import { BRAT_CONF_FILE, bratAnnotationConf } from '@/lib/formats/brat-conf';
import type { DatasetCard } from '@/lib/formats/card';
import { conllDocument } from '@/lib/formats/conll';
import { conlluDocument } from '@/lib/formats/conllu';
import { createFileNamer } from '@/lib/formats/filenames';
import { hfClassNames, hfDatasetInfo, hfDocument } from '@/lib/formats/hf';
import { writeJsonlDocument } from '@/lib/formats/jsonl';
import type { ExportDocument, ExportSchema } from '@/lib/formats/model';
import { withSourceLabels, type LabelSpelling } from '@/lib/formats/source-labels';
import { hasRemarks } from '@/lib/formats/span-remarks';
import { SPACY_FOOTER, SPACY_HEADER, spacyDocument } from '@/lib/formats/spacy';
import { createSemevalRows, SEMEVAL_HEADER } from '@/lib/formats/semeval';
import { createCsvCells, STANCE_CSV_HEADER, stanceCsvRows, type CsvEscape } from '@/lib/formats/stance-csv';
import { createW3cCollection } from '@/lib/formats/w3c';
import { emptyTsvStats, webannoTsvDocument, type TsvStats } from '@/lib/formats/webanno-tsv';
import type { ExportFormat } from './options';
import { createZipStream } from './zip';

/**
 * One writer per export format over the tested writers of lib/formats. A writer gets documents
 * one at a time and sends its output to `sink` as it goes; `end` writes what follows the last
 * document, which for archives includes the dataset card (README.md), built by then because the
 * card's counts are only known at the end. `notes` are the facts about the output a user of the
 * data must know (e.g. how many entities CoNLL had to trim or drop), reported in the card.
 */

type Sink = (chunk: string | Uint8Array) => void;

interface WriterContext {
  schema: ExportSchema;
  project: { name: string; description: string; license: string };
  /** Absolute IRI the W3C annotations are named under. */
  baseUrl: string;
  exportedAt: Date;
  /** stance-csv only; default 'spreadsheet'. */
  csvEscape?: CsvEscape;
  /** `source`: labels as the imported source spelled them, for formats with FORMAT_INFO.sourceLabels. */
  labels?: LabelSpelling;
}

interface ExportWriter {
  document(doc: ExportDocument): void;
  /** `card` is given to archives, which carry it. */
  end(card?: DatasetCard): void;
  notes(): Record<string, number | string>;
}

const CARD_FILE = 'README.md';

const noNotes = () => ({});

/** BIO-based formats report how spans were fitted to tokens (see lib/formats/bio). */
function bioCounter() {
  let stats: BioStats = emptyBioStats();
  return {
    add: (more: BioStats) => void (stats = addCounts(stats, more)),
    notes: (): Record<string, number> => ({ ...stats }),
  };
}

/** A writer for a BIO-based text format: each document's text goes out as written, its stats into the notes. */
function bioWriter(
  context: WriterContext,
  sink: Sink,
  write: (doc: ExportDocument, index: number) => { text: string; stats: BioStats },
  end = () => {},
): ExportWriter {
  const bio = bioCounter();
  const relabel = context.labels === 'source' ? withSourceLabels : (doc: ExportDocument) => doc;
  let index = 0;
  return {
    document(doc) {
      const { text, stats } = write(relabel(doc), index++);
      bio.add(stats);
      sink(text);
    },
    end,
    notes: bio.notes,
  };
}

/** The formats with a place for span attributes, and so for the author's unsure flags and notes (lib/formats/span-remarks.ts). */
const CARRIES_ATTRIBUTES: ReadonlySet<ExportFormat> = new Set(['jsonl', 'brat', 'w3c', 'webanno-tsv']);

export function createWriter(format: ExportFormat, context: WriterContext, sink: Sink): ExportWriter {
  const writer = formatWriter(format, context, sink);
  return CARRIES_ATTRIBUTES.has(format) ? writer : countingDroppedRemarks(writer);
}

/**
 * A format with no place for attributes leaves out the flags and notes annotators wrote for the
 * curators; the card and the export page say how many (`unsureFlagsDropped`, `notesDropped`).
 */
function countingDroppedRemarks(writer: ExportWriter): ExportWriter {
  let unsure = 0;
  let notes = 0;
  return {
    document(doc) {
      for (const span of doc.spans) {
        const has = hasRemarks(span.attributes);
        if (has.unsure) unsure++;
        if (has.note) notes++;
      }
      writer.document(doc);
    },
    end: (card) => writer.end(card),
    notes: () => ({ ...writer.notes(), ...(unsure > 0 && { unsureFlagsDropped: unsure }), ...(notes > 0 && { notesDropped: notes }) }),
  };
}

function formatWriter(format: ExportFormat, context: WriterContext, sink: Sink): ExportWriter {
  switch (format) {
    case 'jsonl':
      return { document: (doc) => writeJsonlDocument(doc, sink), end: () => {}, notes: noNotes };
    case 'conll':
      return bioWriter(context, sink, conllDocument);
    case 'stance-csv':
      return stanceCsvWriter(context.csvEscape ?? 'spreadsheet', context.schema, sink);
    case 'semeval':
      return semevalWriter(context.schema, sink);
    case 'w3c': {
      const collection = createW3cCollection({ baseUrl: context.baseUrl, label: context.project.name });
      sink(collection.header());
      return { document: (doc) => sink(collection.document(doc)), end: () => sink(collection.footer()), notes: noNotes };
    }
    case 'brat':
      return bratWriter(context, sink);
    case 'hf':
      return hfWriter(context, sink);
    case 'conllu':
      return bioWriter(context, sink, conlluDocument);
    case 'spacy':
      sink(SPACY_HEADER);
      return bioWriter(context, sink, spacyDocument, () => sink(SPACY_FOOTER));
    case 'webanno-tsv':
      return webannoTsvWriter(context, sink);
  }
}

/** The card says which escaping the file has and how many cells it touched, so a reader knows whether the text is exact. */
function stanceCsvWriter(escape: CsvEscape, schema: ExportSchema, sink: Sink): ExportWriter {
  const cells = createCsvCells(escape);
  sink(STANCE_CSV_HEADER);
  return {
    document: (doc) => sink(stanceCsvRows(doc, schema, { cells })),
    end: () => {},
    notes: (): Record<string, number | string> =>
      escape === 'spreadsheet'
        ? {
            'CSV cells':
              'escaped for spreadsheets (csvEscape=spreadsheet): cells beginning with = + - @ tab or CR have a ' +
              "' put before them; export with csvEscape=raw for the exact text",
            'cells escaped with a leading quote': cells.formulaLike,
          }
        : {
            'CSV cells':
              'raw (csvEscape=raw): every cell is the exact annotated text; cells beginning with = + - @ tab or ' +
              'CR may run as formulas if this file is opened in a spreadsheet',
            'cells a spreadsheet would run as formulas': cells.formulaLike,
          },
  };
}

/** The card says what was done to fit the scorer's layout, so nobody takes a flattened Tweet or a missing row for the annotation. */
function semevalWriter(schema: ExportSchema, sink: Sink): ExportWriter {
  const rows = createSemevalRows(schema);
  sink(SEMEVAL_HEADER);
  return {
    document: (doc) => sink(rows.rows(doc)),
    end: () => {},
    notes: (): Record<string, number | string> => {
      const { flattened, skipped } = rows.stats();
      return {
        'Tweet layout':
          'each tab, CR and LF inside ID, Target and Tweet was replaced by one space, since eval.pl splits ' +
          'lines on LF and fields on TAB; use stance-csv for the exact text',
        'cells with tabs or line breaks replaced by spaces': flattened,
        ...Object.fromEntries(Object.entries(skipped).map(([reason, count]) => [`rows left out: ${reason}`, count])),
      };
    },
  };
}

/** A zip of one TSV file per document (INCEpTION imports documents one file each), the card beside them. */
function webannoTsvWriter({ exportedAt }: WriterContext, sink: Sink): ExportWriter {
  const zip = createZipStream(sink, exportedAt);
  const fileName = createFileNamer();
  let stats: TsvStats = emptyTsvStats();
  return {
    document(doc) {
      const written = webannoTsvDocument(doc);
      stats = addCounts(stats, written.stats);
      zip.file(`${fileName(doc.name)}.tsv`, written.text);
    },
    end(card) {
      if (card) zip.file(CARD_FILE, card.markdown);
      zip.end();
    },
    notes: () => ({ ...stats }),
  };
}

/** A brat collection: `<name>.txt` and `<name>.ann` per document (names sanitised and unique), annotation.conf, the card. */
function bratWriter({ schema, exportedAt }: WriterContext, sink: Sink): ExportWriter {
  const zip = createZipStream(sink, exportedAt);
  const fileName = createFileNamer();
  const used: BratAttributeUse = new Map();
  return {
    document(doc) {
      const base = fileName(doc.name);
      const { txt, ann, attributes } = bratDocument(doc);
      zip.file(`${base}.txt`, txt);
      zip.file(`${base}.ann`, ann);
      for (const [name, values] of attributes) recordAttributeUse(used, name, values);
    },
    end(card) {
      // Last, because it declares the attribute values the documents used.
      zip.file(BRAT_CONF_FILE, bratAnnotationConf(schema, used));
      if (card) zip.file(CARD_FILE, card.markdown);
      zip.end();
    },
    notes: noNotes,
  };
}

function hfWriter({ schema, project, exportedAt }: WriterContext, sink: Sink): ExportWriter {
  const zip = createZipStream(sink, exportedAt);
  const data = zip.open('data.jsonl');
  const classNames = hfClassNames(schema);
  const bio = bioCounter();
  let sentences = 0;
  return {
    document(doc) {
      const { text, stats } = hfDocument(doc, classNames);
      bio.add(stats);
      // One record per sentence, one line per record.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) sentences++;
      data.write(text);
    },
    end(card) {
      data.close();
      zip.file('dataset_info.json', `${JSON.stringify(hfDatasetInfo(schema, { description: project.description, license: project.license }), null, 2)}\n`);
      if (card) zip.file(CARD_FILE, card.markdown);
      zip.end();
    },
    notes: () => ({ ...bio.notes(), sentences }),
  };
}
