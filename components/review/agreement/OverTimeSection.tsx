import { LAYER_TITLES } from '@/components/projects/layers';
import { plural } from '@/components/review/format';
import type { SpanLayer } from '@/lib/schema/types';
import type { OverTime } from '@/lib/review/over-time';
import { CoefficientChart } from './CoefficientChart';

/** Token α per batch of completed documents, per layer, oldest batch first: does training work? */
export function OverTimeSection({ overTime, layers }: { overTime: OverTime; layers: SpanLayer[] }) {
  return (
    <section aria-labelledby="over-time-heading" className="panel">
      <h2 id="over-time-heading">Agreement over time</h2>
      <p className="note">
        Documents by the week their last counted annotator submitted them (ISO weeks, UTC).
        {overTime.notCompleted > 0 &&
          ` ${plural(overTime.notCompleted, 'document')} not yet submitted by every counted annotator ` +
            `${overTime.notCompleted === 1 ? 'is' : 'are'} in no batch.`}
      </p>
      {overTime.batches.length === 0 ? (
        <p>No document has been submitted by all its annotators yet.</p>
      ) : (
        layers.map((layer) => (
          <div key={layer}>
            <h3>{LAYER_TITLES[layer]}: token α per week</h3>
            <CoefficientChart
              label={`${LAYER_TITLES[layer]}: token α per week`}
              rows={overTime.batches.flatMap((batch) => {
                const figures = batch.layers[layer];
                return figures ? [{ name: batch.label, detail: `${plural(batch.documents, 'document')}`, figure: figures.tokenAlpha, alpha: true }] : [];
              })}
            />
          </div>
        ))
      )}
    </section>
  );
}
