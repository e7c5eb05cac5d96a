/**
 * npm run bench:agreement-coverage — coverage of the 95 % intervals for Krippendorff's α by
 * simulation: many reliability samples from a process with a known population α (ρ², see
 * tests/support/reliability-sample.ts), for several numbers of units, both methods; the share of
 * intervals that contain the population α should be near 95 %. Also the time per interval.
 */
import { AgreementUndefinedError, krippendorffAlphaInterval, type IntervalMethod } from '@/lib/agreement';
import { generator } from '@/lib/agreement/interval';
import { reliabilitySample } from '../tests/support/reliability-sample';

const DRAWS = Number(process.env.DRAWS ?? 2000);
const REPLICATES = 1000;
const settings = [
  { units: 20, coders: 2, p: [0.5, 0.3, 0.2], rho: 0.9 },
  { units: 50, coders: 3, p: [0.5, 0.3, 0.2], rho: 0.9 },
  { units: 100, coders: 3, p: [0.5, 0.3, 0.2], rho: 0.8 },
  { units: 200, coders: 3, p: [0.7, 0.2, 0.1], rho: 0.9 },
];

console.log(`draws per cell: ${DRAWS}, bootstrap replicates: ${REPLICATES}`);
console.log('| units | coders | p | population α | method | coverage | undefined | mean width | ms per interval |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const setting of settings) {
  const population = setting.rho ** 2;
  for (const method of ['bootstrap', 'jackknife'] as IntervalMethod[]) {
    const random = generator(4242);
    let covered = 0;
    let width = 0;
    let defined = 0;
    const started = performance.now();
    for (let d = 0; d < DRAWS; d++) {
      try {
        const { lower, upper } = krippendorffAlphaInterval(reliabilitySample(random, setting), 'nominal', { method, replicates: REPLICATES, seed: d + 1 });
        defined += 1;
        width += upper - lower;
        if (lower <= population && population <= upper) covered += 1;
      } catch (error) {
        // An undefined interval (e.g. a sample with one category only) counts as not covering.
        if (!(error instanceof AgreementUndefinedError)) throw error;
      }
    }
    const ms = (performance.now() - started) / DRAWS;
    console.log(
      `| ${setting.units} | ${setting.coders} | ${setting.p.join('/')} | ${population.toFixed(2)} | ` +
        `${method} | ${((covered / DRAWS) * 100).toFixed(1)} % | ${DRAWS - defined} | ` +
        `${(width / Math.max(1, defined)).toFixed(3)} | ${ms.toFixed(2)} |`,
    );
  }
}
