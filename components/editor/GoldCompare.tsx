'use client';

import { memo, useMemo, useRef, useState } from 'react';
import { api, errorMessage } from '@/components/api';
import type { ResponseOf } from '@/lib/api/client';
import type * as annotations from '@/lib/api/contracts/annotations';
import { layerOf, shortQuote, type Catalog } from '@/lib/editor/catalog';
import { COMPARE_CLASSES, compareWithGold, targetKeyOf, type CompareClass, type CompareSpan, type Comparison, type Difference } from '@/lib/editor/compare';
import type { Span } from '@/lib/editor/model';
import type { CodePointRange } from '@/lib/offsets';
import { layerName, Swatch } from './LabelOption';
import type { Notice } from './types';
import styles from './gold-compare.module.css';
import panel from './panel.module.css';

/** A gold span as the annotations endpoint returns it. */
type GoldWire = ResponseOf<typeof annotations.listAnnotations>['items'][number];

/**
 * The compare-with-gold state: a toggle that fetches the gold layer once when first
 * turned on. A refusal (403: not submitted, or the project hides gold) or any other
 * failure goes to the notice area and turns the toggle off again.
 */
export function useGoldCompare(documentId: string, notify: (notice: Notice) => void) {
  const [on, setOn] = useState(false);
  const [gold, setGold] = useState<GoldWire[] | null>(null);
  const [loading, setLoading] = useState(false);
  const inFlight = useRef(false);

  const load = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    try {
      const page = await api<typeof annotations.listAnnotations>('GET /documents/{id}/annotations', { params: { id: documentId }, query: { author: 'gold' } });
      setGold(page.items);
    } catch (error) {
      setOn(false);
      notify({ tone: 'error', text: errorMessage(error) });
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  };

  const setActive = (next: boolean) => {
    setOn(next);
    if (next && gold === null) void load();
  };

  return { on, gold, loading, setActive };
}

/** The comparison of the caller's current spans with the gold layer. */
export function useComparison(catalog: Catalog, spans: ReadonlyMap<string, Span>, gold: readonly GoldWire[] | null): Comparison | null {
  return useMemo(() => {
    if (gold === null) return null;
    const mine: CompareSpan[] = [...spans.values()].map((span) => ({
      key: span.key,
      layer: layerOf(catalog, span) ?? 'UNKNOWN',
      labelId: span.labelId,
      start: span.start,
      end: span.end,
      quote: span.quote,
      target:
        span.target === null
          ? null
          : span.target.kind === 'target'
            ? targetKeyOf(span.target)
            : targetKeyOf({ kind: 'span', range: spans.get(span.target.key) ?? null }),
    }));
    const byId = new Map(gold.map((item) => [item.id, item]));
    const theirs: CompareSpan[] = gold.map((item) => ({
      key: item.id,
      layer: catalog.labels.get(item.labelId)?.layer ?? item.layer ?? 'UNKNOWN',
      labelId: item.labelId,
      start: item.start,
      end: item.end,
      quote: item.quote,
      target:
        item.target === null
          ? null
          : item.target.kind === 'target'
            ? targetKeyOf({ kind: 'target', id: item.target.id })
            : targetKeyOf({ kind: 'span', range: byId.get(item.target.id) ?? null }),
    }));
    return compareWithGold(mine, theirs);
  }, [catalog, spans, gold]);
}

const CLASS_NAMES: Record<CompareClass, string> = {
  missed: 'Missed (in gold only)',
  extra: 'Extra (yours only)',
  label: 'Different label or target',
  boundary: 'Different boundaries',
  match: 'Matches',
};

const SHORT_NAMES: Record<CompareClass, string> = { match: 'Match', label: 'Label', boundary: 'Boundary', missed: 'Missed', extra: 'Extra' };

/** Rows per class before "Show all". */
const PAGE = 200;

function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

interface GoldCompareProps {
  catalog: Catalog;
  comparison: Comparison | null;
  loading: boolean;
  /** Selects one of the caller's spans (as the span list does). */
  onFocusSpan(key: string): void;
  /** Shows a gold-only range in the text. */
  onRevealRange(range: CodePointRange): void;
}

/** Where the caller's spans differ from gold, grouped by class, with the summary as text. */
export const GoldCompare = memo(function GoldCompare({ catalog, comparison, loading, onFocusSpan, onRevealRange }: GoldCompareProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<CompareClass>>(new Set());
  if (comparison === null) return <p className={panel.empty}>{loading ? 'Loading the gold layer…' : 'The gold layer is not loaded.'}</p>;
  const { summary } = comparison;
  const groups = COMPARE_CLASSES.map((kind) => ({ kind, items: comparison.differences.filter((d) => d.kind === kind) }));

  const labelText = (span: CompareSpan | null) => {
    if (!span) return '—';
    const label = catalog.labels.get(span.labelId);
    return label ? label.key : '?';
  };
  const open = (difference: Difference) => {
    if (difference.mine) onFocusSpan(difference.mine.key);
    else if (difference.gold) onRevealRange(difference.gold);
  };

  return (
    <div className={styles.compare}>
      <section className={styles.summary} aria-label="Comparison with gold">
        <p>
          {summary.mine} yours · {summary.gold} gold
        </p>
        <ul className={styles.counts}>
          {COMPARE_CLASSES.map((kind) => (
            <li key={kind} className={styles[kind]}>
              {SHORT_NAMES[kind]}: {summary.counts[kind]}
            </li>
          ))}
        </ul>
        <p>
          Exact match: precision {percent(summary.precision)}, recall {percent(summary.recall)}, F1 {percent(summary.f1)}
        </p>
      </section>
      {summary.gold === 0 && <p className={panel.empty}>The gold layer of this document is empty.</p>}
      {groups.map(({ kind, items }) => {
        if (items.length === 0) return null;
        const shown = expanded.has(kind) ? items : items.slice(0, PAGE);
        return (
          <section key={kind} className={styles.group} aria-label={CLASS_NAMES[kind]}>
            <h3>
              <span className={`${styles.dot} ${styles[kind]}`} aria-hidden="true" />
              {CLASS_NAMES[kind]} ({items.length})
            </h3>
            <ul className={panel.list}>
              {shown.map((difference) => {
                const span = (difference.mine ?? difference.gold)!;
                const goldSpan = difference.gold;
                const color = catalog.labels.get((goldSpan ?? span).labelId)?.color ?? '#888888';
                const moved = goldSpan && difference.mine && difference.offsetsDiffer;
                return (
                  <li key={`${difference.mine?.key ?? ''}|${goldSpan?.key ?? ''}`}>
                    <button type="button" className={`${panel.rowMain} ${styles.fullWidth}`} onClick={() => open(difference)}>
                      <Swatch color={color} />
                      <span className={panel.rowText}>
                        <span className={panel.rowLabel}>
                          {layerName(difference.layer)}: {labelText(difference.mine)} → {labelText(goldSpan)}
                          {difference.kind === 'label' && difference.mine?.labelId === goldSpan?.labelId ? ' (target differs)' : ''}
                        </span>
                        <span className={panel.rowQuote} dir="auto">
                          {shortQuote(span.quote, 48)}
                        </span>
                        {moved && (
                          <span className={panel.rowQuote} dir="auto">
                            gold: {shortQuote(goldSpan.quote, 48)}
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
            {shown.length < items.length && (
              <button type="button" className={panel.more} onClick={() => setExpanded(new Set(expanded).add(kind))}>
                Show all {items.length}
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
});
