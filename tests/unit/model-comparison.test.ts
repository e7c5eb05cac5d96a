import { describe, expect, it } from 'vitest';
import { modelBesideHumans } from '@/lib/review/model-comparison';
import type { AgreementReport } from '@/lib/review/report';

const pair = (a: string, b: string, kappa: number | null, f1: number) => ({ a, b, cohenKappa: { value: kappa }, f1Overlap: { value: f1 } });

describe('model beside humans', () => {
  it('averages human–human pairs apart from the model’s pairs with humans, leaving out other models', () => {
    const report = {
      models: [{ id: 'model:r1' }, { id: 'model:r2' }],
      layers: {
        ENTITY: {
          pairs: [
            pair('a', 'b', 0.8, 0.9),
            pair('a', 'c', 0.6, 0.7),
            pair('b', 'c', null, 0.5),
            pair('a', 'model:r1', 0.5, 0.6),
            pair('b', 'model:r1', 0.3, 0.4),
            pair('model:r1', 'model:r2', 1, 1),
            pair('a', 'model:r2', 0, 0),
          ],
        },
      },
    } as unknown as Pick<AgreementReport, 'layers' | 'models'>;
    expect(modelBesideHumans(report, 'model:r1')).toEqual([
      {
        layer: 'ENTITY',
        // κ: (.8 + .6)/2 = .7, one pair undefined; F1: (.9 + .7 + .5)/3 = .7.
        humans: { kappa: { value: 0.7, pairs: 2, undefinedPairs: 1 }, f1Overlap: { value: 0.7, pairs: 3, undefinedPairs: 0 } },
        // (.5 + .3)/2 = .4; (.6 + .4)/2 = .5 — the pair with the other model is not a human pair.
        model: { kappa: { value: 0.4, pairs: 2, undefinedPairs: 0 }, f1Overlap: { value: 0.5, pairs: 2, undefinedPairs: 0 } },
      },
    ]);
  });
});
