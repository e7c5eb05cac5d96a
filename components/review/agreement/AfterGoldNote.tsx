import Link from 'next/link';
import { describeDangling, describeExcluded } from '@/lib/review/excluded';
import type { ExcludedWork } from '@/lib/review/input';
import type { DocumentScope } from '@/lib/review/load';

/**
 * How much work was changed after gold was shown to its annotator, with a link to count it or
 * leave it out; and how many relations were left out for pointing at a deleted span.
 */
export function AfterGoldNote({ projectId, scope, excluded }: { projectId: string; scope: DocumentScope; excluded: ExcludedWork }) {
  const sentence = describeExcluded(excluded);
  const dangling = describeDangling(excluded);
  if (!sentence && !dangling) return null;
  const other = excluded.afterGold.excluded ? 'include' : 'exclude';
  return (
    <div className="notice" role="note">
      {sentence && (
        <p>
          {sentence}{' '}
          <Link href={`/projects/${projectId}/agreement?scope=${scope}${other === 'include' ? '&afterGold=include' : ''}`}>
            {other === 'include' ? 'Count it anyway' : 'Leave it out'}
          </Link>
        </p>
      )}
      {dangling && <p>{dangling}</p>}
    </div>
  );
}
