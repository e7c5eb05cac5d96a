import Link from 'next/link';
import type { DocumentScope } from '@/lib/review/load';
import styles from './agreement.module.css';
import { agreementHref, type IntervalChoice } from './href';

const SCOPES: { scope: DocumentScope; label: string }[] = [
  { scope: 'submitted', label: 'Submitted work' },
  { scope: 'all', label: 'All work so far' },
];

const INTERVALS: { interval: IntervalChoice; label: string }[] = [
  { interval: 'bootstrap', label: 'Bootstrap intervals' },
  { interval: 'jackknife', label: 'Jackknife intervals' },
  { interval: 'none', label: 'No intervals' },
];

/** Links, not a form: each scope and interval method has its own URL, so a report can be shared as it is seen. */
export function ScopeToggle({ projectId, scope, interval, models }: { projectId: string; scope: DocumentScope; interval: IntervalChoice; models: boolean }) {
  return (
    <>
      <nav aria-label="Which work to compare" className={styles.toggle}>
        {SCOPES.map((option) => (
          <Link key={option.scope} href={agreementHref(projectId, option.scope, interval, models)} aria-current={option.scope === scope ? 'true' : undefined}>
            {option.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Confidence intervals" className={styles.toggle}>
        {INTERVALS.map((option) => (
          <Link
            key={option.interval}
            href={agreementHref(projectId, scope, option.interval, models)}
            aria-current={option.interval === interval ? 'true' : undefined}
          >
            {option.label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Coders" className={styles.toggle}>
        <Link href={agreementHref(projectId, scope, interval)} aria-current={models ? undefined : 'true'}>
          Humans only
        </Link>
        <Link href={agreementHref(projectId, scope, interval, true)} aria-current={models ? 'true' : undefined}>
          Humans and models
        </Link>
      </nav>
    </>
  );
}
