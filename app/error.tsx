'use client';

import Link from 'next/link';
import { useEffect } from 'react';

/** Server error details are withheld from the browser in production; the digest links to the server log. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;

  return (
    <div className="message-page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. This is usually temporary — try again in a moment.</p>
      {digest && (
        <p className="muted">
          If it keeps happening, give your administrator this reference: <code>{digest}</code>
        </p>
      )}
      <p className="cluster">
        <button type="button" className="button button--primary" onClick={retry}>
          Try again
        </button>
        <Link href="/">Go to your projects</Link>
      </p>
    </div>
  );
}
