/**
 * Colours for new labels. Labels of every layer are drawn over the same text (underlines, the
 * palette, the legend), so a new label gets the candidate colour farthest from every colour the
 * schema already uses, whatever the layer: two labels never share a colour unless all candidates
 * are taken, and even then the new one is the least confusable.
 */

/** Well-separated colours that stay readable as 2.5 px underlines on a light and on a dark page. */
export const LABEL_PALETTE = [
  '#e6194b',
  '#4363d8',
  '#3cb44b',
  '#f58231',
  '#911eb4',
  '#008080',
  '#9a6324',
  '#f032e6',
  '#808000',
  '#000075',
  '#800000',
  '#42d4f4',
  '#469990',
  '#bfef45',
  '#dcbeff',
  '#ffd8b1',
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#2166ac',
  '#b2182b',
  '#5aae61',
  '#9970ab',
  '#35978f',
  '#bf812d',
  '#01665e',
  '#c51b7d',
  '#4d9221',
] as const;

const HEX = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

/** OKLab coordinates (Ottosson 2020), where Euclidean distance follows perceived difference. */
function oklab(hex: string): [number, number, number] | null {
  const match = HEX.exec(hex);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** Perceived difference of two #rrggbb colours (0 = the same; black to white is 1). */
export function colorDistance(a: string, b: string): number {
  const [x, y] = [oklab(a), oklab(b)];
  if (!x || !y) return a.toLowerCase() === b.toLowerCase() ? 0 : 1;
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** The palette colour farthest from all of `used` (the first unused one wins ties, so results are stable). */
export function nextLabelColor(used: readonly string[]): string {
  let best: string = LABEL_PALETTE[0];
  let bestDistance = -1;
  for (const candidate of LABEL_PALETTE) {
    const nearest = used.reduce((min, color) => Math.min(min, colorDistance(candidate, color)), Infinity);
    if (nearest > bestDistance) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}
