import { OffsetIndex } from '@/lib/offsets';
import { splitUnescaped, TSV_LABEL_FEATURE, TSV_SPAN_LAYERS, TSV_TARGET_FEATURE, unescapeValue } from '@/lib/formats/webanno-tsv';
import { ImportError, type ImportedDocument, type ImportedSpan, type ImportSource, type SourceLocation } from '../types';
import { checkReferences, newDocument } from './document';
import { baseName, readText } from './input';

/**
 * WebAnno / INCEpTION TSV 3.x (INCEpTION's user guide, "WebAnno TSV 3.3 File format"), one document
 * per file:
 * - The header declares span (`#T_SP=`), chain (`#T_CH=`) and relation (`#T_RL=`) layers and their
 *   features, one column per feature, in that order. A span layer's label is its `label` feature,
 *   else `value`, else its first feature, else (no value, `*`) the layer's short name; its other
 *   features become span attributes. Layers named …Stance and …Frame go to those Glossa layers
 *   (a Stance's `target` feature is its stance target); others are matched by label.
 * - The text is rebuilt from the `#Text=` lines (several for a sentence with line breaks); what
 *   lies between two sentences is not in the file (Glossa's export puts it at the end of the
 * sentence before), so a gap their offsets leave is filled with line breaks. Every token is checked against the
 * text at its offsets (UTF-16 code units, as the
 *   format defines); tokens and sentences are kept with the document (`source:webanno-tsv`).
 * - Annotations: a value with `[n]` is one annotation across every row with that id; one without
 *   covers its row's token or sub-token (`1-3.1`). Stacked annotations are `|`-separated, `_` is
 *   none, `*` is an annotation without that feature.
 * - Relations: the row is the target's, the `BT_` column addresses the source (`1-1`, or
 *   `1-1[s_t]` with the source's and target's ids, 0 for none).
 * - Not kept, and counted in the import report (ImportedDocument.skipped): chain layers, slot
 *   features, relations whose ends are tokens rather than spans, zero-length annotations (Glossa
 *   has no empty span) and relations to them.
 */

const FORMAT = /^#FORMAT=WebAnno TSV 3(\.\d+)?\s*$/;
const ADDRESS = /^(\d+)-(\d+)(?:\.(\d+))?$/;
const VALUE_ID = /^([\s\S]*?)(?:\[(\d+)\])?$/;
const RELATION_SOURCE = /^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$/;

interface Column {
  layer: Layer;
  feature: string;
  /** Slot features take two columns (role, target), neither kept. */
  kind: 'feature' | 'slot-role' | 'slot-target' | 'chain' | 'relation-source';
}

interface Layer {
  kind: 'span' | 'chain' | 'relation';
  name: string;
  features: string[];
  /** Relations: the layer their ends are annotations of. */
  base?: string;
}

interface Annotation {
  key: string;
  layer: Layer;
  begin: number;
  end: number;
  features: Map<string, string | undefined>;
  location: SourceLocation;
}

interface Row {
  address: string;
  /** The annotations on this row, per layer name, in their stacking order. */
  annotations: Map<string, Annotation[]>;
}

export async function* parseWebannoTsv(source: ImportSource): AsyncGenerator<ImportedDocument> {
  const file = source.name;
  const content = await readText(source);
  const lines = content.split(/\r?\n/);
  const at = (line: number): SourceLocation => ({ file, line });
  if (!FORMAT.test(lines[0] ?? '')) throw new ImportError(at(1), 'the first line must be #FORMAT=WebAnno TSV 3.x');

  const layers: Layer[] = [];
  let line = 1;
  for (; line < lines.length && lines[line]!.startsWith('#T_'); line++) {
    const match = /^#T_(SP|CH|RL)=([^|]+)((?:\|[^|]*)*)$/.exec(lines[line]!);
    if (!match) throw new ImportError(at(line + 1), 'a layer declaration must be #T_SP=, #T_CH= or #T_RL= followed by the layer name and |-separated features');
    const features = match[3] ? match[3].slice(1).split('|') : [];
    const kind = match[1] === 'SP' ? 'span' : match[1] === 'CH' ? 'chain' : 'relation';
    if (kind === 'relation') {
      const base = features.pop();
      if (!base?.startsWith('BT_')) throw new ImportError(at(line + 1), `relation layer ${match[2]} must end with its base type BT_<layer>`);
      layers.push({ kind, name: match[2]!, features, base: base.slice(3) });
    } else layers.push({ kind, name: match[2]!, features });
  }
  const columns = layoutColumns(layers);

  const counts = { chain: 0, slot: 0, tokenRelations: 0, zeroLength: 0, zeroLengthRelations: 0 };
  const annotations = new Map<string, Annotation>();
  const rows = new Map<string, Row>();
  const relationCells: { row: Row; layer: Layer; values: Map<string, string[]>; sources: string[]; location: SourceLocation }[] = [];
  const sentences: { text: string[]; tokens: { begin: number; end: number; text: string; location: SourceLocation }[] }[] = [];
  let sentence: (typeof sentences)[number] | undefined;

  for (; line < lines.length; line++) {
    const text = lines[line]!;
    const location = at(line + 1);
    if (text === '') {
      sentence = undefined;
      continue;
    }
    if (text.startsWith('#Text=')) {
      if (!sentence || sentence.tokens.length > 0) sentences.push((sentence = { text: [], tokens: [] }));
      sentence.text.push(unescapeValue(text.slice('#Text='.length)));
      continue;
    }
    if (text.startsWith('#')) continue;
    const fields = text.split('\t');
    // Rows end with a tab; no cell is empty otherwise (`_` and `*` stand for nothing).
    if (fields[fields.length - 1] === '') fields.pop();
    if (fields.length !== columns.length + 3)
      throw new ImportError(
        location,
        `expected ${columns.length + 3} tab-separated columns (address, offsets, token and one per declared feature), found ${fields.length}`,
      );
    const [address, offsets, token] = fields as [string, string, string];
    const addressMatch = ADDRESS.exec(address);
    const offsetMatch = /^(\d+)-(\d+)$/.exec(offsets);
    if (!addressMatch || !offsetMatch)
      throw new ImportError(location, `expected <sentence>-<token> and <begin>-<end>, found ${JSON.stringify(address)} and ${JSON.stringify(offsets)}`);
    if (!sentence) throw new ImportError(location, 'a token row must follow the #Text= line of its sentence');
    const begin = Number(offsetMatch[1]);
    const end = Number(offsetMatch[2]);
    if (addressMatch[3] === undefined) sentence.tokens.push({ begin, end, text: unescapeValue(token), location });
    const row: Row = { address, annotations: new Map() };
    rows.set(address, row);

    const relationValues = new Map<Layer, Map<string, string[]>>();
    columns.forEach((column, index) => {
      const cell = fields[index + 3]!;
      if (cell === '_' || cell === '') return;
      if (column.kind === 'chain') {
        if (column.feature === column.layer.features[0]) counts.chain += splitUnescaped(cell, '|').length;
        return;
      }
      if (column.kind === 'slot-role') {
        counts.slot += splitUnescaped(cell, ';').length;
        return;
      }
      if (column.kind === 'slot-target') return;
      const values = splitUnescaped(cell, '|');
      if (column.layer.kind === 'relation') {
        if (column.kind === 'relation-source')
          relationCells.push({ row, layer: column.layer, values: relationValues.get(column.layer) ?? new Map(), sources: values, location });
        else relationValues.set(column.layer, (relationValues.get(column.layer) ?? new Map()).set(column.feature, values));
        return;
      }
      const here = row.annotations.get(column.layer.name) ?? [];
      values.forEach((raw, stack) => {
        const [, value, id] = VALUE_ID.exec(raw)!;
        const key = id ? `${column.layer.name}#${id}` : `${column.layer.name}@${address}:${stack}`;
        let annotation = annotations.get(key);
        if (!annotation) {
          annotation = { key, layer: column.layer, begin, end, features: new Map(), location };
          annotations.set(key, annotation);
        }
        annotation.begin = Math.min(annotation.begin, begin);
        annotation.end = Math.max(annotation.end, end);
        if (!annotation.features.has(column.feature))
          annotation.features.set(column.feature, value === '*' || value === '' ? undefined : unescapeValue(value!));
        if (!here.includes(annotation)) here.push(annotation);
      });
      row.annotations.set(column.layer.name, here);
    });
  }

  const text = rebuildText(sentences, file, content.length);
  const index = new OffsetIndex(text);
  const point = (utf16: number, location: SourceLocation) => {
    try {
      return index.toCodePoint(utf16);
    } catch {
      throw new ImportError(location, `offset ${utf16} is outside the text or inside a surrogate pair`);
    }
  };
  const doc = newDocument(baseName(file), text, at(1));

  const refs = new Map<Annotation, string>();
  let spanCount = 0;
  for (const annotation of annotations.values()) {
    if (annotation.begin === annotation.end) {
      counts.zeroLength++;
      continue;
    }
    const ref = `T${++spanCount}`;
    refs.set(annotation, ref);
    doc.spans.push(toSpan(annotation, ref, point(annotation.begin, annotation.location), point(annotation.end, annotation.location)));
  }

  for (const { row, layer, values, sources, location } of relationCells) {
    const base = layer.base!;
    sources.forEach((raw, stack) => {
      const match = RELATION_SOURCE.exec(raw);
      if (!match) throw new ImportError(location, `relation source ${JSON.stringify(raw)} is not a token address (1-1, or 1-1[2_3] with annotation ids)`);
      const source = endOf(rows.get(match[1]!), base, match[2]);
      const target = endOf(row, base, match[3]);
      if (!layers.some((l) => l.kind === 'span' && l.name === base)) {
        counts.tokenRelations++;
        return;
      }
      if (!source || !target)
        throw new ImportError(location, `relation ${stack + 1} on this row: no ${base} annotation ${!source ? `at ${raw}` : 'on this row'} to connect`);
      if (!refs.has(source) || !refs.has(target)) {
        counts.zeroLengthRelations++;
        return;
      }
      const features = new Map([...values].map(([feature, list]) => [feature, list[stack] === undefined ? undefined : unescapeValue(list[stack]!)]));
      const labelFeature = pickLabelFeature(layer.features);
      const label = labelFeature ? clean(features.get(labelFeature)) : undefined;
      const attributes = Object.fromEntries(
        [...features].flatMap(([feature, value]) => (feature === labelFeature || clean(value) === undefined ? [] : [[feature, clean(value)]])),
      );
      doc.relations.push({
        label: label ?? shortName(layer.name),
        source: refs.get(source)!,
        target: refs.get(target)!,
        ...(Object.keys(attributes).length > 0 && { attributes }),
        location,
      });
    });
  }

  let tokenCount = 0;
  doc.sourceTokens = {
    tokenOffsets: sentences.flatMap((s) => s.tokens.flatMap((t) => [point(t.begin, t.location), point(t.end, t.location)])),
    sentenceStarts: sentences.filter((s) => s.tokens.length > 0).map((s) => ((tokenCount += s.tokens.length), tokenCount - s.tokens.length)),
    tokenizer: 'source:webanno-tsv',
  };
  doc.skipped = Object.fromEntries(
    [
      ['TSV chain links (coreference) not kept', counts.chain],
      ['TSV slot feature links not kept', counts.slot],
      ['TSV relations between bare tokens not kept', counts.tokenRelations],
      ['TSV zero-length annotations not kept', counts.zeroLength],
      ['TSV relations to zero-length annotations not kept', counts.zeroLengthRelations],
    ].filter(([, count]) => (count as number) > 0),
  );
  checkReferences(doc);
  yield doc;
}

function layoutColumns(layers: Layer[]): Column[] {
  const columns: Column[] = [];
  for (const layer of layers) {
    for (const feature of layer.features) {
      if (layer.kind === 'chain') columns.push({ layer, feature, kind: 'chain' });
      else if (feature.startsWith('ROLE_')) columns.push({ layer, feature, kind: 'slot-role' });
      else if (columns.at(-1)?.kind === 'slot-role' && columns.at(-1)?.layer === layer) columns.push({ layer, feature, kind: 'slot-target' });
      else columns.push({ layer, feature, kind: 'feature' });
    }
    if (layer.kind === 'relation') columns.push({ layer, feature: `BT_${layer.base}`, kind: 'relation-source' });
  }
  return columns;
}

/** The sentences' text at their tokens' offsets; gaps between sentences become line breaks. */
function rebuildText(
  sentences: { text: string[]; tokens: { begin: number; end: number; text: string; location: SourceLocation }[] }[],
  file: string,
  fileLength: number,
): string {
  let text = '';
  for (const sentence of sentences) {
    const first = sentence.tokens[0];
    if (!first) continue;
    if (first.begin < text.length)
      throw new ImportError(first.location, `the sentence starts at offset ${first.begin}, inside the text before it (${text.length} UTF-16 units)`);
    // The gap is filled with characters the file does not hold: never more than the file is long, so an offset cannot make the text balloon.
    if (first.begin - text.length > fileLength)
      throw new ImportError(
        first.location,
        `the sentence starts at offset ${first.begin}, ${first.begin - text.length} units after the text ` +
          `before it, more than the file's ${fileLength} characters`,
      );
    text += '\n'.repeat(first.begin - text.length) + sentence.text.join('\n');
    for (const token of sentence.tokens) {
      const found = text.slice(token.begin, token.end);
      if (found !== token.text)
        throw new ImportError(
          token.location,
          `token ${JSON.stringify(token.text)} does not match the text at ${token.begin}-${token.end} (${JSON.stringify(found)})`,
        );
    }
  }
  if (text === '') throw new ImportError({ file }, 'the file has no sentences');
  return text;
}

function endOf(row: Row | undefined, layer: string, id: string | undefined): Annotation | undefined {
  const here = row?.annotations.get(layer) ?? [];
  if (id && id !== '0') return here.find((annotation) => annotation.key === `${layer}#${id}`);
  return here.length === 1 ? here[0] : undefined;
}

function pickLabelFeature(features: string[]): string | undefined {
  const plain = features.filter((feature) => !feature.startsWith('ROLE_'));
  return plain.find((f) => f === TSV_LABEL_FEATURE) ?? plain.find((f) => f === 'value') ?? plain[0];
}

const shortName = (layer: string) => layer.slice(layer.lastIndexOf('.') + 1);
const clean = (value: string | undefined) => (value === undefined || value === '*' || value === '' ? undefined : value);

function toSpan(annotation: Annotation, ref: string, start: number, end: number): ImportedSpan {
  const short = shortName(annotation.layer.name);
  const layer = short === TSV_SPAN_LAYERS.STANCE ? 'STANCE' : short === TSV_SPAN_LAYERS.FRAME ? 'FRAME' : undefined;
  const labelFeature = pickLabelFeature(annotation.layer.features);
  const label = (labelFeature && annotation.features.get(labelFeature)) ?? short;
  const target = layer === 'STANCE' ? annotation.features.get(TSV_TARGET_FEATURE) : undefined;
  const attributes: Record<string, unknown> = {};
  for (const [feature, value] of annotation.features) {
    if (feature !== labelFeature && value !== undefined && !(target !== undefined && feature === TSV_TARGET_FEATURE)) attributes[feature] = value;
  }
  return {
    ref,
    start,
    end,
    label,
    ...(layer && { layer }),
    ...(target !== undefined && { target }),
    ...(Object.keys(attributes).length > 0 && { attributes }),
    location: annotation.location,
  };
}
