/**
 * Relations drawn as arcs over the text, brat style: from the top of the source span up to a
 * level above the line, across, and down onto the target span with an arrowhead (across lines,
 * in two halves, one over each line). Positions
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
  /** Where the relation type's name goes: the middle of the top of the arc's source part. */
  readonly label: { readonly x: number; readonly y: number };
  /** The source part's lane: 0 for the lowest arc above a line; arcs over the same stretch of a line stack up. */
  readonly lane: number;
  /** The top of the arc's source part, in pixels: BASE_HEIGHT + lane × LANE_STEP above the source's line. */
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

/** A stretch of sky over one line that an arc (or one half of an arc across lines) takes. */
interface Piece {
  readonly key: string;
  /** The top of the line it rises above. */
  readonly line: number;
  readonly low: number;
  readonly high: number;
}

/** The left and right edges of the text, where the halves of an arc across lines leave and arrive. */
export interface Edges {
  readonly left: number;
  readonly right: number;
}

interface Placed {
  readonly key: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** One piece on one line; across lines, the source's half then the target's. */
  readonly pieces: readonly Piece[];
  /** Across lines: the edge the source's half runs to, and the one the target's half comes from. */
  readonly exit: number;
  readonly entry: number;
}

/**
 * Where an arc goes. On one line, from end to end over it. Across lines, in two halves as brat
 * draws them, each over its own line: from the source to the edge of the text the target lies
 * towards, and from the other edge to the target. One arc over both lines would come down
 * through the text of the upper line, over words meant to be clicked.
 */
function place(input: ArcInput, edges: Edges): Placed {
  const x1 = (input.source.left + input.source.right) / 2;
  const x2 = (input.target.left + input.target.right) / 2;
  const y1 = input.source.top;
  const y2 = input.target.top;
  const piece = (line: number, a: number, b: number): Piece => ({ key: input.key, line, low: Math.min(a, b), high: Math.max(a, b) });
  if (Math.abs(y1 - y2) < SAME_LINE) return { key: input.key, x1, y1, x2, y2, pieces: [piece(Math.min(y1, y2), x1, x2)], exit: x2, entry: x1 };
  const [exit, entry] = y2 > y1 ? [edges.right, edges.left] : [edges.left, edges.right];
  return { key: input.key, x1, y1, x2, y2, pieces: [piece(y1, x1, exit), piece(y2, entry, x2)], exit, entry };
}

/**
 * Lanes per line: the narrowest pieces first, each into the lowest lane where it overlaps no piece
 * already there, so an arc spanning others goes over them and nested relations read inside out.
 * Pieces over different lines never share a stretch of sky, whatever their x.
 */
function assignLanes(pieces: readonly Piece[]): number[] {
  const order = pieces
    .map((_, i) => i)
    .sort((a, b) => {
      const x = pieces[a]!;
      const y = pieces[b]!;
      return x.high - x.low - (y.high - y.low) || x.low - y.low || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
    });
  const lanes = new Array<number>(pieces.length).fill(0);
  const taken: Piece[][] = [];
  for (const i of order) {
    const piece = pieces[i]!;
    // Arcs sharing an end (two relations from one span) overlap at that end too.
    const overlaps = (other: Piece) => Math.abs(other.line - piece.line) < SAME_LINE && other.low <= piece.high && piece.low <= other.high;
    let lane = 0;
    while (taken[lane]?.some(overlaps)) lane++;
    (taken[lane] ??= []).push(piece);
    lanes[i] = lane;
  }
  return lanes;
}

const heightOf = (line: number, lane: number) => line - BASE_HEIGHT - Math.min(lane, MAX_LANE) * LANE_STEP;

/** Up from (x, y) to `peak`, turning towards `to` with a rounded corner. */
function rise(x: number, y: number, peak: number, to: number): string {
  const r = Math.min(CORNER, Math.abs(to - x) / 2);
  const direction = to >= x ? 1 : -1;
  return `M ${round(x)} ${round(y)} L ${round(x)} ${round(peak + r)} Q ${round(x)} ${round(peak)} ${round(x + direction * r)} ${round(peak)}`;
}

/** From `from` along `peak`, turning down onto (x, y) with a rounded corner. */
function descend(from: number, peak: number, x: number, y: number): string {
  const r = Math.min(CORNER, Math.abs(x - from) / 2);
  const direction = x >= from ? 1 : -1;
  return `L ${round(x - direction * r)} ${round(peak)} Q ${round(x)} ${round(peak)} ${round(x)} ${round(peak + r)} L ${round(x)} ${round(y)}`;
}

function arrowPath(x: number, y: number): string {
  return `M ${round(x - ARROW.half)} ${round(y - ARROW.length)} L ${round(x)} ${round(y)} L ${round(x + ARROW.half)} ${round(y - ARROW.length)} Z`;
}

/**
 * The arcs of `inputs`, stacked in lanes where they would cross the same part of a line; an arc
 * across lines leaves towards and arrives from `edges`. The label sits on the source's part.
 */
export function layoutArcs(inputs: readonly ArcInput[], edges: Edges): Arc[] {
  const placed = inputs.map((input) => place(input, edges));
  const pieces = placed.flatMap((arc) => arc.pieces);
  const lanes = assignLanes(pieces);
  let next = 0;
  return placed.map((arc) => {
    const own = arc.pieces.map((piece) => ({ piece, lane: lanes[next++]! }));
    const [first, second] = own;
    const peak = heightOf(first!.piece.line, first!.lane);
    const path = second
      ? `${rise(arc.x1, arc.y1, peak, arc.exit)} L ${round(arc.exit)} ${round(peak)} ` +
        `M ${round(arc.entry)} ${round(heightOf(second.piece.line, second.lane))} ` +
        descend(arc.entry, heightOf(second.piece.line, second.lane), arc.x2, arc.y2)
      : `${rise(arc.x1, arc.y1, peak, arc.x2)} ${descend(arc.x1, peak, arc.x2, arc.y2)}`;
    return {
      key: arc.key,
      path,
      arrow: arrowPath(arc.x2, arc.y2),
      label: { x: round((arc.x1 + (second ? arc.exit : arc.x2)) / 2), y: round(peak) },
      lane: first!.lane,
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
