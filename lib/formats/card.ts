import { LAYERS } from '@/lib/schema/types';
import { ACTIVE_SECONDS_KEY, recommenderOf, type ExportDocument, type ExportSchema, type Layer } from './model';

/**
 * The dataset card shipped with every export: what was exported, from which source and
 * annotators, the label schema with counts, agreement, and the facts of the format a user of the
 * data must know (e.g. how many CoNLL entities were trimmed or dropped). Markdown (with Hugging
 * Face style YAML front matter) for people, JSON for programs; both from the same input.
 */

interface CardCounts {
  documents: number;
  /** Annotations per layer: spans, relations, document answers. */
  layers: Record<Layer, number>;
  /** Per layer, annotations per label key (DOCUMENT: answers per question). */
  labels: Record<Layer, Record<string, number>>;
  /** Stance spans and per-target answers per project target key. */
  targets: Record<string, number>;
  /** Active annotation time by annotator id: documents timed and seconds in all. */
  activeTime: Record<string, { documents: number; seconds: number }>;
  /** Spans by layer and origin (MANUAL, IMPORTED, SUGGESTED, ADJUDICATED; 'unknown' when the source does not say). */
  origins: Record<Layer, Record<string, number>>;
  /** Accepted suggestions (SUGGESTED spans) by the recommender id their provenance names ('unknown' when none). */
  recommenders: Record<string, number>;
}

export function emptyCardCounts(): CardCounts {
  const perLayer = <T>(make: () => T) => Object.fromEntries(LAYERS.map((layer) => [layer, make()])) as Record<Layer, T>;
  return {
    documents: 0,
    layers: perLayer(() => 0),
    labels: perLayer(() => ({})),
    targets: {},
    activeTime: {},
    origins: perLayer(() => ({})),
    recommenders: {},
  };
}

/** Adds one document's annotations to running counts, so a streamed export can count as it goes. */
export function countDocument(counts: CardCounts, doc: ExportDocument): void {
  const add = (layer: Layer, key: string) => {
    counts.layers[layer]++;
    counts.labels[layer][key] = (counts.labels[layer][key] ?? 0) + 1;
  };
  const addTarget = (key: string) => {
    counts.targets[key] = (counts.targets[key] ?? 0) + 1;
  };
  counts.documents++;
  for (const span of doc.spans) {
    add(span.layer, span.label);
    const origin = span.origin ?? UNKNOWN;
    const origins = counts.origins[span.layer];
    origins[origin] = (origins[origin] ?? 0) + 1;
    if (origin === 'SUGGESTED') {
      const recommender = recommenderOf(span) ?? UNKNOWN;
      counts.recommenders[recommender] = (counts.recommenders[recommender] ?? 0) + 1;
    }
    if (span.target?.kind === 'target') addTarget(span.target.key);
  }
  for (const relation of doc.relations) add('RELATION', relation.label);
  const timed = doc.metadata[ACTIVE_SECONDS_KEY] as Record<string, number> | undefined;
  for (const [annotator, seconds] of Object.entries(timed ?? {})) {
    const total = (counts.activeTime[annotator] ??= { documents: 0, seconds: 0 });
    total.documents++;
    total.seconds += seconds;
  }
  for (const answer of doc.documentLabels) {
    add('DOCUMENT', answer.question);
    if (answer.target) addTarget(answer.target);
  }
}

const UNKNOWN = 'unknown';

export interface DatasetCardInput {
  project: { name: string; description?: string; license?: string };
  schema: ExportSchema;
  format: string;
  counts: CardCounts;
  /** What was exported: 'gold', 'all' or 'annotator:<id>'. */
  source: string;
  annotators: { id: string; name?: string }[];
  /** Names of the recommenders counted in `counts.recommenders`, by id (a deleted one keeps its id). */
  recommenderNames?: Record<string, string>;
  /** Agreement figures by measure name, as computed elsewhere. */
  agreement?: Record<string, number>;
  exportedAt: string;
  glossaVersion: string;
  formatNotes?: Record<string, number | string>;
}

export interface DatasetCard {
  markdown: string;
  json: ReturnType<typeof cardJson>;
}

export function datasetCard(input: DatasetCardInput): DatasetCard {
  const json = cardJson(input);
  return { json, markdown: cardMarkdown(json) };
}

function cardJson(input: DatasetCardInput) {
  const layers = LAYERS.map((layer) => {
    const counted = input.counts.labels[layer];
    const defined = input.schema.labels.filter((label) => label.layer === layer);
    const undefinedKeys = Object.keys(counted).filter((key) => !defined.some((label) => label.key === key));
    const labels = [
      ...defined.map((label) => ({ key: label.key, name: label.name, count: counted[label.key] ?? 0, ...(label.retired && { retired: true }) })),
      ...undefinedKeys.map((key) => ({ key, name: key, count: counted[key] ?? 0 })),
    ];
    return { layer, total: input.counts.layers[layer], labels };
  }).filter((layer) => layer.labels.length > 0);
  return {
    name: input.project.name,
    description: input.project.description ?? '',
    license: input.project.license ?? '',
    format: input.format,
    exportedAt: input.exportedAt,
    glossaVersion: input.glossaVersion,
    source: input.source,
    annotators: input.annotators,
    documents: input.counts.documents,
    layers,
    // A retired target is no longer part of the schema a user of the data should code with; the
    // annotations made with it before are still in the file, so the card says how many.
    targets: input.schema.targets.filter((target) => !target.retired).map(({ key, name, aliases }) => ({ key, name, aliases })),
    retiredTargetAnnotations: input.schema.targets.reduce((sum, target) => sum + (target.retired ? (input.counts.targets[target.key] ?? 0) : 0), 0),
    activeTime: Object.entries(input.counts.activeTime).map(([annotator, { documents, seconds }]) => ({ annotator, documents, seconds })),
    provenance: provenanceJson(input),
    agreement: input.agreement ?? {},
    formatNotes: input.formatNotes ?? {},
  };
}

/** Where the spans came from: per origin in all and per layer, and the accepted suggestions per recommender. */
function provenanceJson(input: DatasetCardInput) {
  const { origins, recommenders } = input.counts;
  const total: Record<string, number> = {};
  const layers = LAYERS.filter((layer) => Object.keys(origins[layer]).length > 0).map((layer) => {
    for (const [origin, count] of Object.entries(origins[layer])) total[origin] = (total[origin] ?? 0) + count;
    return { layer, origins: origins[layer] };
  });
  return {
    spans: Object.values(total).reduce((sum, count) => sum + count, 0),
    origins: total,
    layers,
    recommenders: Object.entries(recommenders).map(([id, spans]) => ({ id, name: input.recommenderNames?.[id] ?? id, spans })),
  };
}

const cell = (value: string | number) =>
  String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');

function cardMarkdown(card: ReturnType<typeof cardJson>): string {
  // JSON strings are valid YAML scalars, which spares a YAML escaper.
  const frontMatter = ['---', `pretty_name: ${JSON.stringify(card.name)}`, ...(card.license ? [`license: ${JSON.stringify(card.license)}`] : []), '---'];
  const sections = [
    frontMatter.join('\n'),
    `# ${cell(card.name)}`,
    ...(card.description ? [card.description] : []),
    table(
      ['', ''],
      [
        ['Format', card.format],
        ['Exported at', card.exportedAt],
        ['Glossa version', card.glossaVersion],
        ['Source', card.source],
        ['Documents', card.documents],
      ],
    ),
    '## Annotators',
    card.annotators.length > 0
      ? card.annotators.map((annotator) => `- ${cell(annotator.name ?? annotator.id)} (\`${cell(annotator.id)}\`)`).join('\n')
      : 'None.',
    '## Labels',
    ...card.layers.flatMap((layer) => [
      `### ${layer.layer} (${layer.total})`,
      table(
        ['Key', 'Name', 'Count'],
        layer.labels.map((label) => [label.key, `${label.name}${'retired' in label ? ' (retired)' : ''}`, label.count]),
      ),
    ]),
    ...(card.targets.length > 0
      ? [
          '## Stance targets',
          table(
            ['Key', 'Name', 'Aliases'],
            card.targets.map((target) => [target.key, target.name, target.aliases.join(', ')]),
          ),
        ]
      : []),
    ...(card.retiredTargetAnnotations > 0 ? [retiredTargetsNote(card.retiredTargetAnnotations)] : []),
    ...(card.activeTime.length > 0
      ? [
          '## Annotation time',
          `Active time in the editor (no input for more than a minute, or the tab hidden, stops the clock), per annotator, from the documents' ` +
            `\`${ACTIVE_SECONDS_KEY}\` metadata.`,
          table(
            ['Annotator', 'Documents', 'Seconds', 'Mean per document (s)'],
            card.activeTime.map((row) => [nameOf(card.annotators, row.annotator), row.documents, row.seconds, Math.round(row.seconds / row.documents)]),
          ),
        ]
      : []),
    ...provenanceMarkdown(card.provenance, card.format),
    ...section('Agreement', card.agreement, 'Measure'),
    ...section('Format notes', card.formatNotes, 'Note'),
  ];
  return `${sections.join('\n\n')}\n`;
}

const ORIGIN_COLUMNS = ['MANUAL', 'IMPORTED', 'SUGGESTED', 'ADJUDICATED', UNKNOWN];
const figure = (count: number) => count.toLocaleString('en-US');

/** Where each format keeps a span's provenance; the others do not carry it (CoNLL, CoNLL-U, spaCy and HF have no field for it). */
const PROVENANCE_FIELDS: Record<string, string> = {
  jsonl: 'Each span has it in `origin` and `source_ids`.',
  w3c: "Each annotation has it in `glossa:origin` and `glossa:sourceIds`; an accepted suggestion's body names the recommender as its `creator`.",
  brat: 'Each span has an `Origin` attribute, and its source ids are in its AnnotatorNotes under `glossa:sourceIds`.',
};

function provenanceMarkdown(provenance: ReturnType<typeof provenanceJson>, format: string): string[] {
  if (provenance.spans === 0) return [];
  const suggested = provenance.origins.SUGGESTED ?? 0;
  const byWhom = provenance.recommenders.map((r) => `${figure(r.spans)} from recommender ${r.name}`).join(', ');
  return [
    '## Provenance',
    `${figure(suggested)} of ${figure(provenance.spans)} spans were accepted model suggestions${byWhom ? ` (${byWhom})` : ''}. ` +
      "MANUAL spans were drawn by an annotator, IMPORTED ones came in with the data, ADJUDICATED ones are gold made from the annotators' spans. " +
      (PROVENANCE_FIELDS[format] ?? `${format} does not carry it, so the counts here are all it says; export as jsonl, w3c or brat to have it per span.`),
    table(
      ['Layer', ...ORIGIN_COLUMNS],
      provenance.layers.map(({ layer, origins }) => [layer, ...ORIGIN_COLUMNS.map((origin) => origins[origin] ?? 0)]),
    ),
  ];
}

function nameOf(annotators: { id: string; name?: string }[], id: string): string {
  return annotators.find((annotator) => annotator.id === id)?.name ?? id;
}

function retiredTargetsNote(count: number): string {
  const what = count === 1 ? '1 stance annotation or answer names a target' : `${count} stance annotations or answers name targets`;
  return `${what} retired from the schema since; ${count === 1 ? 'it is' : 'they are'} in this file with the target's key.`;
}

function section(title: string, values: Record<string, number | string>, head: string): string[] {
  const rows = Object.entries(values);
  return rows.length > 0 ? [`## ${title}`, table([head, 'Value'], rows)] : [];
}
