import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARC_CAP, arcVisibility, BASE_HEIGHT, bandAround, bandCovers, LANE_STEP, layoutArcs, MAX_LANE, type ArcInput, type Box } from '@/lib/editor/arcs';

/** A word's box on the line whose top is `top`, 20 px tall. */
const word = (left: number, right: number, top = 100): Box => ({ left, right, top, bottom: top + 20 });
const arc = (key: string, source: Box, target: Box): ArcInput => ({ key, source, target });
/** The text column's edges, where arcs across lines leave and arrive. */
const EDGES = { left: 0, right: 600 };

/** The numbers of a path, in pairs. */
function points(path: string): [number, number][] {
  const numbers = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  return numbers.flatMap((n, i) => (i % 2 ? [] : [[n, numbers[i + 1]!] as [number, number]]));
}

describe('layoutArcs', () => {
  it('runs from the top middle of the source up over the line and down onto the top middle of the target', () => {
    const [only] = layoutArcs([arc('r1', word(10, 50), word(200, 260))], EDGES);
    const path = points(only!.path);
    expect(path[0]).toEqual([30, 100]);
    expect(path.at(-1)).toEqual([230, 100]);
    expect(only!.peak).toBe(100 - BASE_HEIGHT);
    expect(Math.min(...path.map(([, y]) => y))).toBe(100 - BASE_HEIGHT);
    expect(only!.label).toEqual({ x: 130, y: 100 - BASE_HEIGHT });
    expect(only!.lane).toBe(0);
  });

  it('points the arrowhead down onto the target, also when the target comes first', () => {
    const [backwards] = layoutArcs([arc('r1', word(200, 260), word(10, 50))], EDGES);
    const arrow = points(backwards!.arrow);
    expect(arrow[1]).toEqual([30, 100]);
    expect(arrow[0]![1]).toBeLessThan(100);
    expect(arrow[2]![1]).toBe(arrow[0]![1]);
    expect(points(backwards!.path)[0]).toEqual([230, 100]);
  });

  it('stacks an arc that spans another above it, narrowest lowest', () => {
    const arcs = layoutArcs([arc('wide', word(0, 20), word(300, 320)), arc('narrow', word(100, 120), word(150, 170))], EDGES);
    expect(arcs.map((a) => [a.key, a.lane])).toEqual([
      ['wide', 1],
      ['narrow', 0],
    ]);
    expect(arcs[0]!.peak).toBe(100 - BASE_HEIGHT - LANE_STEP);
  });

  it('gives two relations from one span different lanes, and arcs side by side the same', () => {
    const shared = word(100, 140);
    const arcs = layoutArcs([arc('a', shared, word(200, 220)), arc('b', word(0, 40), shared), arc('c', word(400, 420), word(500, 520))], EDGES);
    expect(new Set([arcs[0]!.lane, arcs[1]!.lane])).toEqual(new Set([0, 1]));
    expect(arcs[2]!.lane).toBe(0);
  });

  it('splits an arc across lines into a half over each line, leaving towards the edge the target lies beyond', () => {
    // Source on the line at 100, target on the next line (160): out to the right edge, in from the left.
    const [down] = layoutArcs([arc('down', word(300, 340, 100), word(20, 60, 160))], EDGES);
    const halves = down!.path.split(/(?=M)/).map(points);
    expect(halves).toHaveLength(2);
    expect(halves[0]![0]).toEqual([320, 100]);
    expect(halves[0]!.at(-1)).toEqual([600, 100 - BASE_HEIGHT]);
    expect(halves[1]![0]).toEqual([0, 160 - BASE_HEIGHT]);
    expect(halves[1]!.at(-1)).toEqual([40, 160]);
    // Nothing of it runs through the upper line's text, between its top and the sky of the lower line.
    expect(halves.flat().every(([, y]) => y <= 100 || y >= 160 - BASE_HEIGHT)).toBe(true);
    expect(down!.label).toEqual({ x: 460, y: 100 - BASE_HEIGHT });

    // Target on the line above: out to the left edge, in from the right.
    const [up] = layoutArcs([arc('up', word(20, 60, 160), word(300, 340, 100))], EDGES);
    const [out, into] = up!.path.split(/(?=M)/).map(points);
    expect(out!.at(-1)).toEqual([0, 160 - BASE_HEIGHT]);
    expect(into![0]).toEqual([600, 100 - BASE_HEIGHT]);
  });

  it('stacks the halves of arcs across lines with the arcs on each line', () => {
    // The lower line has an arc from 10 to 200 too: the half arriving from the left edge to 40 is narrower and stays
    // lowest, the arc goes over it.
    const arcs = layoutArcs([arc('down', word(300, 340, 100), word(20, 60, 160)), arc('below', word(0, 20, 160), word(190, 210, 160))], EDGES);
    const into = arcs[0]!.path.split(/(?=M)/).map(points)[1]!;
    expect(into[0]).toEqual([0, 160 - BASE_HEIGHT]);
    expect(arcs[1]!.lane).toBe(1);
    expect(arcs[1]!.peak).toBe(160 - BASE_HEIGHT - LANE_STEP);
  });

  it('caps the drawn height at MAX_LANE while still counting lanes', () => {
    const nested = Array.from({ length: MAX_LANE + 3 }, (_, i) => arc(`r${i}`, word(100 - 10 * i, 105 - 10 * i), word(200 + 10 * i, 205 + 10 * i)));
    const arcs = layoutArcs(nested, EDGES);
    expect(arcs.map((a) => a.lane)).toEqual(nested.map((_, i) => i));
    expect(Math.min(...arcs.map((a) => a.peak))).toBe(100 - BASE_HEIGHT - MAX_LANE * LANE_STEP);
  });

  it('never puts overlapping arcs of one line in one lane, whatever the input order', () => {
    const box = fc.integer({ min: 0, max: 500 }).map((left) => word(left, left + 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(box, box), { maxLength: 25 }), (pairs) => {
        const arcs = layoutArcs(
          pairs.map(([s, t], i) => arc(`r${i}`, s, t)),
          EDGES,
        );
        const span = (i: number) => {
          const [s, t] = pairs[i]!;
          const [a, b] = [s.left + 5, t.left + 5];
          return [Math.min(a, b), Math.max(a, b)];
        };
        arcs.forEach((x, i) =>
          arcs.forEach((y, j) => {
            const [a, b] = span(i);
            const [c, d] = span(j);
            if (i !== j && a! <= d! && c! <= b!) expect(x.lane).not.toBe(y.lane);
          }),
        );
      }),
    );
  });
});

describe('arcVisibility', () => {
  it('draws by default when there are relations, and never when none or switched off', () => {
    expect(arcVisibility(null, 3, false)).toEqual({ drawn: true, tooMany: false });
    expect(arcVisibility('on', 3, false)).toEqual({ drawn: true, tooMany: false });
    expect(arcVisibility(null, 0, false)).toEqual({ drawn: false, tooMany: false });
    expect(arcVisibility('off', 3, true)).toEqual({ drawn: false, tooMany: false });
  });

  it('hides arcs above the cap unless asked for this document', () => {
    expect(arcVisibility(null, ARC_CAP, false).drawn).toBe(true);
    expect(arcVisibility('on', ARC_CAP + 1, false)).toEqual({ drawn: false, tooMany: true });
    expect(arcVisibility('on', ARC_CAP + 1, true)).toEqual({ drawn: true, tooMany: false });
  });
});

describe('bands', () => {
  it('measures a screen above and below, and measures again once less than half a screen of it is left', () => {
    const measured = bandAround({ top: 1000, bottom: 1800 });
    expect(measured).toEqual({ top: 200, bottom: 2600 });
    expect(bandCovers(measured, { top: 1400, bottom: 2200 })).toBe(true);
    expect(bandCovers(measured, { top: 1401, bottom: 2201 })).toBe(false);
    expect(bandCovers(measured, { top: 599, bottom: 1399 })).toBe(false);
    expect(bandCovers(null, { top: 0, bottom: 800 })).toBe(false);
  });
});
