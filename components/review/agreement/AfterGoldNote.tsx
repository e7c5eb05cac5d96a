import Link from 'next/link';
import { describeExcluded } from '@/lib/review/excluded';
import type { ExcludedWork } from '@/lib/review/input';
import type { DocumentScope } from '@/lib/review/load';

/** How much work was changed after gold was shown to its annotator, and a link to count it or leave it out. */
export function AfterGoldNote({ projectId, scope, excluded }: { projectId: string; scope: DocumentScope; excluded: ExcludedWork }) {
  const sentence = describeExcluded(excluded);
  if (!sentence) return null;
  const other = excluded.afterGold.excluded ? 'include' : 'exclude';
  return (
    <div className="notice" role="note">
      <p>
        {sentence}{' '}
        <Link href={`/projects/${projectId}/agreement?scope=${scope}${other === 'include' ? '&afterGold=include' : ''}`}>
          {other === 'include' ? 'Count it anyway' : 'Leave it out'}
        </Link>
      </p>
    </div>
  );
}
