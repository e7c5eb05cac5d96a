import Link from 'next/link';
import type { DocumentScope } from '@/lib/review/load';
import styles from './agreement.module.css';

const OPTIONS: { scope: DocumentScope; label: string }[] = [
  { scope: 'submitted', label: 'Submitted work' },
  { scope: 'all', label: 'All work so far' },
];

/** Links, not a form: each scope has its own URL, so a report can be shared as it is seen. */
export function ScopeToggle({ projectId, scope }: { projectId: string; scope: DocumentScope }) {
  return (
    <nav aria-label="Which work to compare" className={styles.toggle}>
      {OPTIONS.map((option) => (
        <Link key={option.scope} href={`/projects/${projectId}/agreement?scope=${option.scope}`} aria-current={option.scope === scope ? 'true' : undefined}>
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
