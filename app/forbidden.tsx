import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not allowed' };

// Rendered, with status 403, when a project member opens a page their role does not include (lib/next/page-access.ts).
export default function Forbidden() {
  return (
    <div className="message-page">
      <h1>Your role does not include this page</h1>
      <p>
        You are a member of this project, but your role does not allow this page: agreement, review, progress and export need the Curator role or above. Ask a
        project owner if you need more access.
      </p>
      <p>
        <Link href="/">Go to your projects</Link>
      </p>
    </div>
  );
}
