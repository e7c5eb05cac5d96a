import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
/** The page header; `viewer` is who is signed in (lib/next/viewer.ts), null when no one is. */
export function SiteHeader({ viewer }: { viewer: { name: string } | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="brand">
          Glossa
        </Link>
        {viewer && (
          <nav aria-label="Account" className="site-header__nav">
            <span className="site-header__user">{viewer.name}</span>
            <Link href="/settings">Account</Link>
            <Link href="/settings/tokens">API tokens</Link>
            <SignOutButton />
          </nav>
        )}
      </div>
    </header>
  );
}
