import type { Metadata } from 'next';
import Link from 'next/link';
import { AnnotationEditor } from '@/components/editor/AnnotationEditor';
import { QueueNav } from '@/components/queue/QueueNav';
import { queuePlace } from '@/lib/assignments/queue';
import { getPrisma } from '@/lib/db/client';
import { requireProjectPage } from '@/lib/next/page-access';
import { loadDocument, loadOwnWork } from './load-document';

export const dynamic = 'force-dynamic';

type DocumentPageProps = { params: Promise<{ id: string; documentId: string }> };

export async function generateMetadata({ params }: DocumentPageProps): Promise<Metadata> {
  const { id, documentId } = await params;
  const { document, project } = await loadDocument(id, documentId);
  return { title: `${document.name} · ${project.name}` };
}

export default async function DocumentPage({ params }: DocumentPageProps) {
  const { id, documentId } = await params;
  const data = await loadDocument(id, documentId);
  // Not awaited: the page (and the text) goes out first, the annotations follow in the stream.
  const work = loadOwnWork(id, documentId);
  // Read here, not after the page loads: a bar appearing above the text would move it under the pointer.
  const { caller } = await requireProjectPage(id, 'documents:read');
  const place = await queuePlace(getPrisma(), id, caller.userId, documentId);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${id}`}>{data.project.name}</Link>
      </p>
      <h1 dir="auto">{data.document.name}</h1>
      <QueueNav key={documentId} projectId={id} documentId={documentId} initial={place} />
      <AnnotationEditor data={data} work={work} />
    </>
  );
}
