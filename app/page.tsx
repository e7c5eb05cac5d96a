import type { Metadata } from 'next';
import Link from 'next/link';
import { InvitationList } from '@/components/members/InvitationList';
import { ProjectList } from '@/components/projects/ProjectList';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { requirePageCaller } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';
import { listMyInvitations } from '@/lib/members/invitations';
import { listProjectsOf } from '@/lib/projects/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your projects' };

// Enough for anyone's own project list; past it the page says it is truncated.
const PROJECT_LIMIT = 200;

export default async function HomePage() {
  const caller = await requirePageCaller();
  const [rows, invitations] = await Promise.all([
    listProjectsOf(getPrisma(), caller.userId, { take: PROJECT_LIMIT }),
    listMyInvitations(getPrisma(), caller.userId),
  ]);
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
      {invitations.length > 0 && (
        <section aria-labelledby="invitations-heading" className="panel">
          <h2 id="invitations-heading">Invitations</h2>
          <InvitationList invitations={invitations} />
        </section>
      )}
      {projects.length === 0 ? (
        <EmptyState title="You are not in any project yet.">
          <p>
            <Link href="/projects/new">Create a project</Link> from a label preset, then import documents. To join someone else’s project, ask one of its owners
            or managers to invite your e-mail address; the invitation appears here.
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
