/**
 * Relations drawn as arcs over the text, brat style: from the top of the source span up to a
 * level above the line, across, and down onto the target span with an arrowhead. Positions
 * are in the text area's own coordinates (not the viewport's), so scrolling moves the arcs
 * with the text and needs no recomputation. Plain maths, no DOM: the overlay
 * (components/editor/ArcLayer.tsx) measures the spans and draws what this returns.
 */

/** A span's first line box, in pixels relative to the text area. */
export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface ArcInput {
  readonly key: string;
  readonly source: Box;
  readonly target: Box;
}

export interface Arc {
  readonly key: string;
  /** The arc's line, for an SVG path's `d`. */
  readonly path: string;
  /** The arrowhead on the target, a closed triangle. */
  readonly arrow: string;
  /** Where the relation type's name goes: the middle of the arc's top. */
  readonly label: { readonly x: number; readonly y: number };
  /** 0 for the lowest arc above a line; arcs that would cross the same stretch of a line stack up. */
  readonly lane: number;
  /** The arc's top, in pixels: BASE_HEIGHT + lane × LANE_STEP above the higher end. */
  readonly peak: number;
}

/** Height of the lowest arc above the top of its spans: clears the text's ascenders. */
export const BASE_HEIGHT = 8;
/** Extra height per lane, enough for a label's line of small text between stacked arcs. */
export const LANE_STEP = 10;
/**
 * Arcs above this lane are drawn at it: the 18 px added to the line spacing while arcs are shown
 * (components/editor/arcs.module.css) hold three lanes, and higher arcs would run through the
 * line above, where a click meant for a word would land on an arc.
 */
export const MAX_LANE = 2;
const CORNER = 4;
const ARROW = { half: 3.5, length: 6 };
/** Ends on one line: their tops differ by less than this (spans of different lanes or fonts). */
const SAME_LINE = 4;

/**
 * A default-on limit, not a drawing cost: the overlay draws only arcs near the screen, so cost
 * follows the arcs on screen, but past a thousand relations (one per 100 characters of the
 * 100,000-character document) the arcs hide the text they explain. Above it arcs start hidden and
 * the toolbar says why; the annotator may still show them for the document.
 */
export const ARC_CAP = 1000;

export type ArcPreference = 'on' | 'off' | null;

export interface ArcVisibility {
  /** Arcs are drawn. */
  readonly drawn: boolean;
  /** The document has more relations than ARC_CAP and the annotator has not asked for arcs anyway. */
  readonly tooMany: boolean;
}

/**
 * Whether arcs are drawn: the annotator's remembered choice (`null` when never made, which
 * means on), except that a document over ARC_CAP starts hidden unless `forced` for it.
 */
export function arcVisibility(preference: ArcPreference, relationCount: number, forced: boolean): ArcVisibility {
  if (preference === 'off' || relationCount === 0) return { drawn: false, tooMany: false };
  const tooMany = relationCount > ARC_CAP && !forced;
  return { drawn: !tooMany, tooMany };
}

const round = (n: number) => Math.round(n * 10) / 10;

interface Placed {
  readonly input: ArcInput;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The top of the higher end: the line the arc rises above. */
  readonly line: number;
  readonly low: number;
  readonly high: number;
}

function place(input: ArcInput): Placed {
  const x1 = (input.source.left + input.source.right) / 2;
  const x2 = (input.target.left + input.target.right) / 2;
  const y1 = input.source.top;
  const y2 = input.target.top;
  return { input, x1, y1, x2, y2, line: Math.min(y1, y2), low: Math.min(x1, x2), high: Math.max(x1, x2) };
}

/**
 * Lanes per line: the narrowest arcs first, each into the lowest lane where it overlaps no arc
 * already there, so an arc spanning others goes over them and nested relations read inside out.
 * Arcs over different lines never share a stretch of sky, whatever their x.
 */
function assignArcLanes(placed: readonly Placed[]): number[] {
  const order = placed
    .map((_, i) => i)
    .sort((a, b) => {
      const x = placed[a]!;
      const y = placed[b]!;
      return x.high - x.low - (y.high - y.low) || x.low - y.low || (x.input.key < y.input.key ? -1 : x.input.key > y.input.key ? 1 : 0);
    });
  const lanes = new Array<number>(placed.length).fill(0);
  const taken: Placed[][] = [];
  for (const i of order) {
    const arc = placed[i]!;
    const onLine = (other: Placed) => Math.abs(other.line - arc.line) < SAME_LINE;
    // Arcs sharing an end (two relations from one span) overlap at that end too.
    const overlaps = (other: Placed) => onLine(other) && other.low <= arc.high && arc.low <= other.high;
    let lane = 0;
    while (taken[lane]?.some(overlaps)) lane++;
    (taken[lane] ??= []).push(arc);
    lanes[i] = lane;
  }
  return lanes;
}

function arcPath({ x1, y1, x2, y2 }: Placed, peak: number): string {
  const direction = x2 >= x1 ? 1 : -1;
  const r = Math.min(CORNER, Math.abs(x2 - x1) / 2);
  return [
    `M ${round(x1)} ${round(y1)}`,
    `L ${round(x1)} ${round(peak + r)}`,
    `Q ${round(x1)} ${round(peak)} ${round(x1 + direction * r)} ${round(peak)}`,
    `L ${round(x2 - direction * r)} ${round(peak)}`,
    `Q ${round(x2)} ${round(peak)} ${round(x2)} ${round(peak + r)}`,
    `L ${round(x2)} ${round(y2)}`,
  ].join(' ');
}

function arrowPath(x: number, y: number): string {
  return `M ${round(x - ARROW.half)} ${round(y - ARROW.length)} L ${round(x)} ${round(y)} L ${round(x + ARROW.half)} ${round(y - ARROW.length)} Z`;
}

/** The arcs of `inputs`, stacked in lanes where they would cross the same part of a line. */
export function layoutArcs(inputs: readonly ArcInput[]): Arc[] {
  const placed = inputs.map(place);
  const lanes = assignArcLanes(placed);
  return placed.map((arc, i) => {
    const lane = lanes[i]!;
    const peak = arc.line - BASE_HEIGHT - Math.min(lane, MAX_LANE) * LANE_STEP;
    return {
      key: arc.input.key,
      path: arcPath(arc, peak),
      arrow: arrowPath(arc.x2, arc.y2),
      label: { x: round((arc.x1 + arc.x2) / 2), y: round(peak) },
      lane,
      peak: round(peak),
    };
  });
}

/** A vertical stretch of the text area, in its coordinates. */
export interface Band {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The stretch of the text area worth measuring for a viewport showing `view` of it: a
 * screenful above and below, so a short scroll finds its arcs already there.
 */
export function bandAround(view: Band): Band {
  const height = view.bottom - view.top;
  return { top: view.top - height, bottom: view.bottom + height };
}

/** Whether the arcs measured for `measured` still cover a viewport at `view` (half a screen of slack left on either side). */
export function bandCovers(measured: Band | null, view: Band): boolean {
  if (!measured) return false;
  const slack = (view.bottom - view.top) / 2;
  return measured.top <= view.top - slack && measured.bottom >= view.bottom + slack;
}
