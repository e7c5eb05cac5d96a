'use client';

import { memo, useEffect, useRef, useState } from 'react';
import { bandAround, bandCovers, layoutArcs, type Arc, type ArcInput, type Band, type Box } from '@/lib/editor/arcs';
import type { Catalog } from '@/lib/editor/catalog';
import type { SpanLayout } from '@/lib/editor/layout';
import type { Relation } from '@/lib/editor/model';
import { useStable } from './useStable';
import styles from './arcs.module.css';

/** The colour of an arc whose relation type has none (or is unknown). */
const NEUTRAL = '#6b7280';

interface ArcLayerProps {
  catalog: Catalog;
  relations: ReadonlyMap<string, Relation>;
  /** The drawn spans: a new layout means span elements moved, so arcs are measured again. */
  layout: SpanLayout;
  selectedKey: string | null;
  onSelect(key: string): void;
}

interface DrawnArc extends Arc {
  readonly color: string;
  readonly name: string;
}

/** Each span's first element in the text (a span split around another is several elements). */
function firstElements(root: Element): Map<string, Element> {
  const first = new Map<string, Element>();
  for (const element of root.querySelectorAll('[data-span]')) {
    const key = element.getAttribute('data-span')!;
    if (!first.has(key)) first.set(key, element);
  }
  return first;
}

/**
 * Relations as arcs over the text, in an SVG laid over the text area (TextView's children are
 * positioned against it). Only relations with an end in the band of text around the viewport
 * are measured and drawn; their positions are in the text area's coordinates, so scrolling
 * moves them with the text, and measuring again is needed only when the viewport nears the
 * band's edge, the area is resized, or spans or relations change.
 */
export const ArcLayer = memo(function ArcLayer({ catalog, relations, layout, selectedKey, onSelect }: ArcLayerProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [arcs, setArcs] = useState<DrawnArc[]>([]);
  const measured = useRef<Band | null>(null);
  const elements = useRef<Map<string, Element> | null>(null);

  const measure = useStable((force: boolean) => {
    const area = svgRef.current?.parentElement;
    if (!area) return;
    const origin = area.getBoundingClientRect();
    const view = { top: -origin.top, bottom: window.innerHeight - origin.top };
    if (!force && bandCovers(measured.current, view)) return;
    const band = bandAround(view);
    measured.current = band;
    // Looked up in the whole text only when needed: ProseMirror replaces the elements of spans it redraws (a new span's
    // neighbours, the selected span's highlight splits them), and a new relation may link spans not looked up yet.
    const cached = elements.current;
    const missing = (key: string) => !cached?.get(key)?.isConnected;
    const stale = [...relations.values()].some((relation) => missing(relation.sourceKey) || missing(relation.targetKey));
    const spanElements = stale || !cached ? firstElements(area) : cached;
    elements.current = spanElements;
    const relative = (rect: DOMRect): Box => ({
      left: rect.left - origin.left,
      right: rect.right - origin.left,
      top: rect.top - origin.top,
      bottom: rect.bottom - origin.top,
    });
    // A paragraph's box is known without laying out its text (content-visibility), a span's is not: ask spans only in paragraphs near the band.
    const paragraphs = new Map<Element, boolean>();
    const near = (element: Element) => {
      const paragraph = element.closest('p') ?? element;
      let inBand = paragraphs.get(paragraph);
      if (inBand === undefined) {
        const box = relative(paragraph.getBoundingClientRect());
        inBand = box.bottom >= band.top && box.top <= band.bottom;
        paragraphs.set(paragraph, inBand);
      }
      return inBand;
    };
    const inputs: ArcInput[] = [];
    for (const relation of relations.values()) {
      const source = spanElements.get(relation.sourceKey);
      const target = spanElements.get(relation.targetKey);
      if (!source || !target || !(near(source) || near(target))) continue;
      const [sourceBox] = source.getClientRects();
      const [targetBox] = target.getClientRects();
      if (sourceBox && targetBox) inputs.push({ key: relation.key, source: relative(sourceBox), target: relative(targetBox) });
    }
    // Paragraphs span the text's width: where an arc across lines leaves one line and enters the next.
    const column = area.querySelector('[contenteditable] > p')?.getBoundingClientRect();
    const edges = column ? { left: column.left - origin.left, right: column.right - origin.left } : { left: 0, right: origin.width };
    setArcs(
      layoutArcs(inputs, edges).map((arc) => {
        const type = catalog.labels.get(relations.get(arc.key)!.labelId);
        return { ...arc, color: type?.color ?? NEUTRAL, name: type?.name ?? 'Unknown type' };
      }),
    );
  });

  // Spans or relations changed: measure again once ProseMirror has drawn the spans (TextView's effect runs after this one),
  // after that frame is painted, so a new label shows at once and its arcs follow a frame later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: relations, layout and catalog signal that arcs moved or changed; measure reads them itself.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => measure(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [measure, relations, layout, catalog]);

  useEffect(() => {
    const area = svgRef.current?.parentElement;
    if (!area) return;
    let frame = 0;
    const later = (force: boolean) => () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => measure(force));
    };
    const onScroll = later(false);
    // A resize rewraps lines; a paragraph laid out for the first time (content-visibility) changes the height of the area too.
    const resize = new ResizeObserver(later(true));
    resize.observe(area);
    // The editor replaces the plain text once it mounts (after this layer): its spans are new elements.
    let root = area.querySelector('[contenteditable]');
    const mounted = new MutationObserver(() => {
      const current = area.querySelector('[contenteditable]');
      if (current === root) return;
      root = current;
      later(true)();
    });
    mounted.observe(area, { childList: true });
    window.addEventListener('scroll', onScroll, { passive: true, capture: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mounted.disconnect();
      window.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [measure]);

  return (
    // The relation list is the accessible form of the same relations: the drawing is hidden from assistive technology.
    <svg ref={svgRef} className={styles.arcs} aria-hidden="true">
      {arcs.map((arc) => (
        <g
          key={arc.key}
          data-relation={arc.key}
          className={arc.key === selectedKey ? `${styles.arc} ${styles.selected}` : styles.arc}
          style={{ color: arc.color }}
          onClick={() => onSelect(arc.key)}
        >
          <path className={styles.hit} d={arc.path} />
          <path className={styles.line} d={arc.path} />
          <path className={styles.arrow} d={arc.arrow} />
          <text className={styles.label} x={arc.label.x} y={arc.label.y} dy="0.35em">
            {arc.name}
          </text>
        </g>
      ))}
    </svg>
  );
});
