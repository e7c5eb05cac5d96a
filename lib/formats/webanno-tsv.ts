import { OffsetIndex } from '@/lib/offsets';
import { tokenize, type Sentence } from '@/lib/tokenize';
import { firstAtLeast, fitSentences } from '@/lib/tokenize/fit';
import type { SpanLayer } from '@/lib/schema/types';
import type { ExportDocument, ExportSpan } from './model';

/**
 * WebAnno TSV 3.3, the format INCEpTION and WebAnno import and export per document (INCEpTION's
 * user guide, "WebAnno TSV 3.3 File format"). One file per document:
 *   #FORMAT=WebAnno TSV 3.3
 *   #T_SP=webanno.custom.Entity|label|<attribute>…      one span layer per Glossa layer in use
 *   #T_SP=webanno.custom.Stance|label|target|<attribute>…
 *   #T_SP=webanno.custom.Frame|label|<attribute>…
 *   #T_RL=webanno.custom.Relation|label|<attribute>…|BT_webanno.custom.Entity
 *   (two empty lines, then per sentence:) #Text=<the sentence's text up to the next sentence, one line per text line>
 *   <sentence>-<token> TAB <begin>-<end> TAB <token> TAB <one column per feature> TAB
 * - Offsets are UTF-16 code units, as the format defines (Java strings), not code points.
 * - Tokens and sentences are the document's (its source's, else lib/tokenize's), with tokens split
 *   at every span boundary inside them (lib/tokenize/fit); sentences are never merged, since
 *   TSV carries spans across sentences.
 * - A cell lists the annotations of its layer on that token, stacked ones joined by `|`; an
 *   annotation covering several tokens or stacked with another of its layer carries a
 *   disambiguation id `[n]` (numbered through the document). `_` is no annotation, `*` an
 *   annotation without a value for that feature.
 * - A relation is written on the first token of its target span: its label and attributes, then
 *   the address of its source span's first token, with `[sourceId_targetId]` when either needs one.
 * - Attributes become features: strings as they are, other values as JSON; keys that cannot be
 *   feature names (containing `|` or whitespace) are left out and counted (`attributesDropped`).
 *   A stance target that is an entity span is not written (`stanceSpanTargetsDropped`): the
 *   format has no slot feature here. Spans covering no token (whitespace only) are dropped
 *   (`droppedUntokenized`).
 * Reserved characters in values are escaped with `\` as the format lists them: \ [ ] | _ -> ; * and
 * tab, line feed and carriage return as \t \n \r.
 */

const TSV_FORMAT_LINE = '#FORMAT=WebAnno TSV 3.3';
const TSV_LAYER_PREFIX = 'webanno.custom.';
export const TSV_SPAN_LAYERS: Record<SpanLayer, string> = { ENTITY: 'Entity', STANCE: 'Stance', FRAME: 'Frame' };
const TSV_RELATION_LAYER = 'Relation';
export const TSV_LABEL_FEATURE = 'label';
export const TSV_TARGET_FEATURE = 'target';

export interface TsvStats {
  attributesDropped: number;
  stanceSpanTargetsDropped: number;
  droppedUntokenized: number;
  tokensSplit: number;
}

export function emptyTsvStats(): TsvStats {
  return { attributesDropped: 0, stanceSpanTargetsDropped: 0, droppedUntokenized: 0, tokensSplit: 0 };
}

const RESERVED = /\\|->|[[\]|_;*\t\n\r]/g;
const CONTROL: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A feature value with the format's reserved characters escaped. */
export function escapeValue(value: string): string {
  return value.replace(RESERVED, (match) => CONTROL[match] ?? `\\${match}`);
}

/** Text and token columns: only what would break the line or the columns, and the escape character itself. */
function escapeText(value: string): string {
  return value.replace(/[\\\t\r]/g, (match) => CONTROL[match] ?? '\\\\');
}

const ESCAPE = /\\(->|[\s\S])/g;
const UNESCAPED: Record<string, string> = { t: '\t', n: '\n', r: '\r' };

export function unescapeValue(value: string): string {
  return value.replace(ESCAPE, (_, escaped: string) => UNESCAPED[escaped] ?? escaped);
}

/** Splits at `separator` where it is not escaped. */
export function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let at = 0; at < value.length; at++) {
    const char = value[at]!;
    if (char === '\\' && at + 1 < value.length) {
      current += char + value[at + 1];
      at++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

interface Placed {
  span: ExportSpan;
  first: number;
  last: number;
  id?: number;
}

const FEATURE_NAME = /^[^|\s]+$/;

function featureValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function webannoTsvDocument(doc: ExportDocument): { text: string; stats: TsvStats } {
  const stats = emptyTsvStats();
  const index = new OffsetIndex(doc.text);
  const fitted = fitSentences(doc.sentences ?? tokenize(doc.text), doc.spans, { mergeSentences: false });
  stats.tokensSplit = fitted.tokensSplit;
  const sentences: Sentence[] = fitted.sentences;
  const tokens = sentences.flatMap((sentence, s) => sentence.tokens.map((token, t) => ({ ...token, address: `${s + 1}-${t + 1}` })));
  const starts = tokens.map((token) => token.start);
  const ends = tokens.map((token) => token.end);

  // Spans on tokens, per layer, in document order.
  const placed = new Map<string, Placed>();
  const byLayer = new Map<SpanLayer, Placed[]>();
  const sorted = [...doc.spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  for (const span of sorted) {
    const first = firstAtLeast(ends, span.start + 1);
    const last = firstAtLeast(starts, span.end) - 1;
    if (first > last) {
      stats.droppedUntokenized++;
      continue;
    }
    const entry = { span, first, last };
    placed.set(span.id, entry);
    byLayer.set(span.layer, [...(byLayer.get(span.layer) ?? []), entry]);
  }

  // Disambiguation ids: for spans over several tokens and spans sharing a token with another of their layer.
  let nextId = 1;
  const stacked = new Set<Placed>();
  for (const list of byLayer.values()) {
    const owners: Placed[][] = tokens.map(() => []);
    for (const entry of list) for (let token = entry.first; token <= entry.last; token++) owners[token]!.push(entry);
    for (const owner of owners) if (owner.length > 1) for (const entry of owner) stacked.add(entry);
  }
  for (const entry of [...placed.values()].sort((a, b) => a.first - b.first || a.last - b.last)) {
    if (entry.last > entry.first || stacked.has(entry)) entry.id = nextId++;
  }

  // Features per layer: the label, the stance target, then every attribute key used.
  const layers = (Object.keys(TSV_SPAN_LAYERS) as SpanLayer[]).filter((layer) => byLayer.has(layer));
  const attributeKeys = (records: Record<string, unknown>[]) => {
    const keys = new Set<string>();
    for (const attributes of records)
      for (const key of Object.keys(attributes)) {
        if (FEATURE_NAME.test(key) && key !== TSV_LABEL_FEATURE && key !== TSV_TARGET_FEATURE) keys.add(key);
        else stats.attributesDropped++;
      }
    return [...keys].sort();
  };
  const spanFeatures = new Map(
    layers.map((layer) => [
      layer,
      [TSV_LABEL_FEATURE, ...(layer === 'STANCE' ? [TSV_TARGET_FEATURE] : []), ...attributeKeys(byLayer.get(layer)!.map((p) => p.span.attributes))],
    ]),
  );
  const relations = doc.relations.filter(
    (relation) => placed.get(relation.source)?.span.layer === 'ENTITY' && placed.get(relation.target)?.span.layer === 'ENTITY',
  );
  const relationFeatures = relations.length > 0 ? [TSV_LABEL_FEATURE, ...attributeKeys(relations.map((r) => r.attributes))] : [];

  let text = `${TSV_FORMAT_LINE}\n`;
  for (const layer of layers) text += `#T_SP=${TSV_LAYER_PREFIX}${TSV_SPAN_LAYERS[layer]}|${spanFeatures.get(layer)!.join('|')}\n`;
  if (relations.length > 0)
    text += `#T_RL=${TSV_LAYER_PREFIX}${TSV_RELATION_LAYER}|${relationFeatures.join('|')}|BT_${TSV_LAYER_PREFIX}${TSV_SPAN_LAYERS.ENTITY}\n`;
  text += '\n';

  const withId = (value: string, entry: Placed) => `${value}${entry.id ? `[${entry.id}]` : ''}`;
  const spanValue = (entry: Placed, feature: string): string | undefined => {
    if (feature === TSV_LABEL_FEATURE) return entry.span.label;
    if (feature === TSV_TARGET_FEATURE) {
      const target = entry.span.target;
      return target?.kind === 'target' ? target.key : undefined;
    }
    return featureValue(entry.span.attributes[feature]);
  };
  for (const entry of byLayer.get('STANCE') ?? []) if (entry.span.target?.kind === 'span') stats.stanceSpanTargetsDropped++;
  const relationsAt = new Map<number, typeof relations>();
  for (const relation of relations) {
    const first = placed.get(relation.target)!.first;
    relationsAt.set(first, [...(relationsAt.get(first) ?? []), relation]);
  }

  let flat = 0;
  sentences.forEach((sentence, position) => {
    // A sentence's text runs on to the next one's start (or the end of the text): the format has no
    // place for what lies between sentences, and the reader would have to guess those characters.
    const from = index.toUtf16(sentence.start);
    const to = index.toUtf16(sentences[position + 1]?.start ?? index.length);
    text += '\n';
    for (const line of index.text.slice(from, to).split('\n')) text += `#Text=${escapeText(line)}\n`;
    for (const token of sentence.tokens) {
      const cells: string[] = [tokens[flat]!.address, `${index.toUtf16(token.start)}-${index.toUtf16(token.end)}`, escapeText(token.text)];
      for (const layer of layers) {
        const here = byLayer.get(layer)!.filter((entry) => entry.first <= flat && flat <= entry.last);
        for (const feature of spanFeatures.get(layer)!) {
          cells.push(here.length === 0 ? '_' : here.map((entry) => withId(escapeOrStar(spanValue(entry, feature)), entry)).join('|'));
        }
      }
      if (relations.length > 0) {
        const here = relationsAt.get(flat) ?? [];
        for (const feature of relationFeatures) {
          cells.push(
            here.length === 0
              ? '_'
              : here.map((relation) => escapeOrStar(feature === TSV_LABEL_FEATURE ? relation.label : featureValue(relation.attributes[feature]))).join('|'),
          );
        }
        cells.push(
          here.length === 0
            ? '_'
            : here
                .map((relation) => {
                  const source = placed.get(relation.source)!;
                  const target = placed.get(relation.target)!;
                  return `${tokens[source.first]!.address}${source.id || target.id ? `[${source.id ?? 0}_${target.id ?? 0}]` : ''}`;
                })
                .join('|'),
        );
      }
      text += `${cells.join('\t')}\t\n`;
      flat++;
    }
  });
  return { text, stats };
}

const escapeOrStar = (value: string | undefined) => (value === undefined ? '*' : escapeValue(value));
