import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <div className="message-page">
      <h1>Page not found</h1>
      <p>There is nothing here — or it is a project you are not a member of. If someone sent you this link, ask them to add you to the project.</p>
      <p>
        <Link href="/">Go to your projects</Link>
      </p>
    </div>
  );
}
