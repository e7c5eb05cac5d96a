import type { Metadata } from 'next';
import Link from 'next/link';
import { ProjectList } from '@/components/projects/ProjectList';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageCaller } from '@/lib/auth/page-access';
import { getPrisma } from '@/lib/db/client';
import { listProjectsOf } from '@/lib/projects/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your projects' };

// Enough for anyone's own project list; past it the page says it is truncated.
const PROJECT_LIMIT = 200;

export default async function HomePage() {
  const caller = await requirePageCaller();
  const rows = await listProjectsOf(getPrisma(), caller.userId, { take: PROJECT_LIMIT });
  const projects = rows.map(({ memberships, ...project }) => ({ ...project, role: memberships[0]!.role }));

  return (
    <>
      <PageHeader
        title="Your projects"
        actions={
          <Link className="button button--primary" href="/projects/new">
            New project
          </Link>
        }
      />
      {projects.length === 0 ? (
        <EmptyState title="You are not in any project yet.">
          <p>
            <Link href="/projects/new">Create a project</Link> from a label preset, then import documents. To join someone else’s
            project, ask one of its owners or managers to add your e-mail address.
          </p>
        </EmptyState>
      ) : (
        <>
          <ProjectList projects={projects} />
          {projects.length === PROJECT_LIMIT && <p className="muted">Showing your first {PROJECT_LIMIT} projects.</p>}
        </>
      )}
    </>
  );
}
