'use client';

import { memo, useId, useMemo, useState } from 'react';
import { Options } from '@/components/forms/Options';
import { spanTitle, type Catalog } from '@/lib/editor/catalog';
import type { Span } from '@/lib/editor/model';
import { SPAN_LAYERS, type SpanLayer } from '@/lib/schema/types';
import { spanSections, type SpanFilter } from '@/lib/editor/sections';
import { layerName } from './LabelOption';
import { SpanRow, type SpanRowActions } from './SpanRow';
import styles from './panel.module.css';

/** Rows per group before "Show all": thousands of buttons would make the panel sluggish. */
const PAGE = 200;

interface SpanListProps extends SpanRowActions {
  catalog: Catalog;
  spans: ReadonlyMap<string, Span>;
  activeKey: string | null;
  readOnly: boolean;
}

export const SpanList = memo(function SpanList({ catalog, spans, activeKey, readOnly, onFocus, onRelabel, onDelete }: SpanListProps) {
  const actions = { onFocus, onRelabel, onDelete };
  const id = useId();
  const [filter, setFilter] = useState<SpanFilter>({ layer: 'ALL', labelId: 'ALL' });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const sections = useMemo(() => spanSections(spans, catalog, filter), [spans, catalog, filter]);
  // Labels in use (retired ones included), so the filter never offers an empty choice.
  const usedLabels = useMemo(() => {
    const used = new Set([...spans.values()].map((span) => span.labelId));
    return [...catalog.labels.values()].filter((label) => used.has(label.id) && (filter.layer === 'ALL' || label.layer === filter.layer));
  }, [spans, catalog, filter.layer]);

  return (
    <>
      <div className={styles.filters}>
        <div>
          <label htmlFor={`${id}-layer`}>Layer</label>
          <select
            id={`${id}-layer`}
            value={filter.layer}
            onChange={(event) => setFilter({ ...filter, layer: event.target.value as SpanLayer | 'ALL', labelId: 'ALL' })}
          >
            <option value="ALL">All layers</option>
            <Options choices={SPAN_LAYERS.map((layer) => ({ value: layer, label: layerName(layer) }))} />
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-label`}>Label</label>
          <select id={`${id}-label`} value={filter.labelId} onChange={(event) => setFilter({ ...filter, labelId: event.target.value })}>
            <option value="ALL">All labels</option>
            <Options choices={usedLabels.map((label) => ({ value: label.id, label: label.name }))} />
          </select>
        </div>
        <label className={styles.filterCheck}>
          <input type="checkbox" checked={filter.unsureOnly === true} onChange={(event) => setFilter({ ...filter, unsureOnly: event.target.checked })} />
          Unsure only
        </label>
      </div>
      {sections.length === 0 && (
        <p className={styles.empty}>{spans.size === 0 ? 'No spans yet. Select text and press a label’s hotkey.' : 'No span matches the filter.'}</p>
      )}
      {sections.map((section) => (
        <section key={section.layer} className={styles.group} aria-label={`${layerName(section.layer)} spans`}>
          <h3>
            {layerName(section.layer)} ({section.count})
          </h3>
          {section.groups.map((group) => {
            const id = `${section.layer}:${group.heading ?? ''}`;
            const shown = expanded.has(id) ? group.spans : group.spans.slice(0, PAGE);
            return (
              <div key={id}>
                {group.heading && <h4 dir="auto">→ {group.heading}</h4>}
                <ul className={styles.list}>
                  {shown.map((span) => (
                    <SpanRow
                      key={span.key}
                      catalog={catalog}
                      span={span}
                      title={spanTitle(catalog, spans, span)}
                      active={span.key === activeKey}
                      readOnly={readOnly}
                      {...actions}
                    />
                  ))}
                </ul>
                {shown.length < group.spans.length && (
                  <button type="button" className={styles.more} onClick={() => setExpanded(new Set(expanded).add(id))}>
                    Show all {group.spans.length}
                  </button>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
});
