import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentThread } from '@/components/comments/CommentThread';
import { ProjectHeader } from '@/components/projects/ProjectHeader';
import { AcceptThresholdForm } from '@/components/review/AcceptThresholdForm';
import { FinishToggle } from '@/components/review/adjudication/FinishToggle';
import { ReviewWorkbench } from '@/components/review/adjudication/ReviewWorkbench';
import type { ReviewLabel } from '@/components/review/adjudication/types';
import styles from '@/components/review/adjudication/review.module.css';
import { plural } from '@/components/review/format';
import { StatusChip } from '@/components/review/progress/StatusChip';
import { DateText } from '@/components/ui/DateText';
import { can } from '@/lib/access/policy';
import { schemaLabelOf } from '@/lib/editor/schema';
import { requireProjectPage } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { reviewView } from '@/lib/review/view';
import { getSchema } from '@/lib/schema/store';
import { loadProject, projectTitle } from '../../load-project';

export const dynamic = 'force-dynamic';

type DocumentReviewProps = { params: Promise<{ id: string; documentId: string }> };

export async function generateMetadata(props: DocumentReviewProps): Promise<Metadata> {
  return { title: await projectTitle(props, 'Review') };
}

export default async function DocumentReviewPage({ params }: DocumentReviewProps) {
  const { id, documentId } = await params;
  const { access } = await requireProjectPage(id, 'work:read-others');
  const { project } = await loadProject(id);
  const db = getPrisma();
  // reviewView assumes the document exists; another project's (or a withdrawn) document is simply not found here.
  const exists = await db.document.findFirst({ where: { id: documentId, projectId: id, deletedAt: null }, select: { id: true } });
  if (!exists) notFound();
  const [view, schema] = await Promise.all([reviewView(db, documentId), getSchema(db, id)]);
  const mayWriteGold = can(access.role, 'gold:write');
  const submitted = view.submitted.length;
  const labels: ReviewLabel[] = schema.labels.map((label) => schemaLabelOf(label));

  return (
    <>
      <ProjectHeader project={project} role={access.role} current="review" />
      <p className="breadcrumb">
        <Link href={`/projects/${id}/review`}>← Review queue</Link>
      </p>
      <section aria-labelledby="document-heading" className="panel">
        <div className={styles.toolbar}>
          <div>
            <h2 id="document-heading">{view.document.name}</h2>
            <p className="note">
              {view.document.adjudicatedAt ? (
                <>
                  <span aria-hidden="true">✓</span> Finished <DateText value={view.document.adjudicatedAt} withTime />.{' '}
                </>
              ) : (
                'Open. '
              )}
              {view.annotators.length === 0
                ? 'Nobody is assigned to this document.'
                : `${submitted} of ${view.annotators.length} assigned annotators submitted; only submitted work is compared.`}
            </p>
            {view.danglingRelations > 0 && (
              <p className="note" role="note">
                Left out: {plural(view.danglingRelations, 'relation')} whose source or target span is deleted or missing.
              </p>
            )}
            {view.annotators.length > 0 && (
              <ul className={styles.people} aria-label="Annotators">
                {view.annotators.map((annotator) => (
                  <li key={annotator.id}>
                    <StatusChip name={annotator.name} status={annotator.status} afterGold={annotator.afterGold} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          {mayWriteGold && <FinishToggle documentId={documentId} finished={view.document.adjudicatedAt !== null} />}
        </div>
        {mayWriteGold && submitted > 0 && (
          <>
            <h3>Accept by agreement</h3>
            <AcceptThresholdForm projectId={id} documentId={documentId} annotators={submitted} defaultAgreement={Math.floor(submitted / 2) + 1} />
          </>
        )}
      </section>
      <ReviewWorkbench
        view={view}
        labels={labels}
        targets={schema.targets.map((t) => ({ id: t.id, name: t.name, retired: t.retired }))}
        mayWriteGold={mayWriteGold}
        snapToWords={project.snapToWords}
      />
      <section aria-labelledby="comments-heading" className="panel">
        <h2 id="comments-heading">Comments</h2>
        <CommentThread documentId={documentId} />
      </section>
    </>
  );
}
