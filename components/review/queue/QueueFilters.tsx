'use client';

import { useState } from 'react';
import { Field } from '@/components/forms/Field';
import { SelectField } from '@/components/forms/SelectField';
import { formatCoefficient } from '@/components/review/format';
import type { ReviewStatusFilter } from '@/lib/review/view';
import styles from './queue.module.css';

const STATUSES: { value: ReviewStatusFilter; label: string }[] = [
  { value: 'open', label: 'Open (not finished)' },
  { value: 'adjudicated', label: 'Finished' },
  { value: 'all', label: 'All' },
];

/**
 * A plain GET form: the filters live in the URL, so a filtered queue can be
 * bookmarked and works before any script has loaded. State only echoes the slider.
 */
export function QueueFilters({ status, minDisagreement }: { status: ReviewStatusFilter; minDisagreement: number }) {
  const [minimum, setMinimum] = useState(minDisagreement);
  return (
    <form method="get" className={styles.filters} aria-label="Filter the review queue">
      <SelectField label="Review status" name="status" defaultValue={status} choices={STATUSES} />
      <Field label="Minimum disagreement" hint="0 = all documents; 1 = only total disagreement.">
        {(control) => (
          <div className={styles.slider}>
            <input
              {...control}
              name="min"
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={minimum}
              onChange={(event) => setMinimum(Number(event.target.value))}
            />
            <output htmlFor={control.id}>{formatCoefficient(minimum)}</output>
          </div>
        )}
      </Field>
      <button type="submit" className="button button--secondary">
        Apply filters
      </button>
    </form>
  );
}
