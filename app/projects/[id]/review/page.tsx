import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { AcceptThresholdForm } from '@/components/review/AcceptThresholdForm';
import { plural } from '@/components/review/format';
import { FinishAgreedButton } from '@/components/review/queue/FinishAgreedButton';
import { QueueFilters } from '@/components/review/queue/QueueFilters';
import { ReviewQueueTable } from '@/components/review/queue/ReviewQueueTable';
import styles from '@/components/review/queue/queue.module.css';
import { EmptyState } from '@/components/ui/EmptyState';
import { can } from '@/lib/access/policy';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { reviewQueue, type ReviewStatusFilter } from '@/lib/review/view';
import { loadProject, sectionMetadata, type ProjectPageProps } from '../load-project';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;
type ReviewQueuePageProps = ProjectPageProps & { searchParams: Promise<SearchParams> };

export const generateMetadata = sectionMetadata('Review');

/** Unknown or malformed filter values fall back to the defaults rather than failing the page. */
function readFilters(query: SearchParams): { status: ReviewStatusFilter; minDisagreement: number } {
  const status = query.status === 'adjudicated' || query.status === 'all' ? query.status : 'open';
  const min = typeof query.min === 'string' ? Number(query.min) : 0;
  return { status, minDisagreement: Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : 0 };
}

export default async function ReviewQueuePage({ params, searchParams }: ReviewQueuePageProps) {
  const { id } = await params;
  const { access } = await requireProjectPage(id, 'work:read-others');
  const { project } = await loadProject(id);
  const filters = readFilters(await searchParams);
  const rows = await reviewQueue(getPrisma(), id, filters.status, filters.minDisagreement);
  const mayWriteGold = can(access.role, 'gold:write');

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="review" />
      <section aria-labelledby="queue-heading" className="panel">
        <h2 id="queue-heading">Review queue</h2>
        <QueueFilters status={filters.status} minDisagreement={filters.minDisagreement} />
        <p role="status" className="note">
          {plural(rows.length, 'document')} with submissions match, most disagreement first.
        </p>
        {rows.length === 0 ? (
          <EmptyState title="Nothing to review here.">
            <p>Documents appear once an annotator submits them. Try “All” or a lower minimum disagreement.</p>
          </EmptyState>
        ) : (
          <ReviewQueueTable projectId={id} rows={rows} />
        )}
      </section>
      {mayWriteGold && (
        <section aria-labelledby="bulk-heading" className="panel">
          <h2 id="bulk-heading">Bulk adjudication</h2>
          <div className={styles.bulk}>
            <div>
              <h3>Full agreement</h3>
              <FinishAgreedButton projectId={id} />
            </div>
            <div>
              <h3>Majority or threshold</h3>
              <AcceptThresholdForm
                projectId={id}
                annotators={Math.max(2, project.annotatorsPerDocument, ...rows.map((r) => r.submitted))}
                defaultAgreement={2}
              />
            </div>
          </div>
          <p className="note">Both apply to every document of the project with submissions, whatever the filters above show. Accepting is idempotent.</p>
        </section>
      )}
    </>
  );
}
