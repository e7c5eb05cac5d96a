/**
 * Reliability data from a process with a known population α, for coverage checks of the
 * intervals (tests/unit/agreement-intervals.test.ts, bench/agreement-coverage.ts). Each unit has
 * a true category drawn from `p`; each coder reports it with probability ρ and otherwise an
 * independent draw from `p`. Any two values then differ with probability (1 − ρ²)(1 − Σp²) while
 * each value is distributed as p, so D_o / D_e = 1 − ρ² and the population α is ρ².
 */
export function reliabilitySample(
  random: () => number,
  { units, coders, p, rho }: { units: number; coders: number; p: readonly number[]; rho: number },
): string[][] {
  const draw = () => {
    let r = random();
    for (let category = 0; category < p.length - 1; category++) {
      if (r < p[category]!) return String.fromCharCode(65 + category);
      r -= p[category]!;
    }
    return String.fromCharCode(65 + p.length - 1);
  };
  const truth = Array.from({ length: units }, draw);
  return Array.from({ length: coders }, () => truth.map((t) => (random() < rho ? t : draw())));
}
