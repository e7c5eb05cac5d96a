import Link from 'next/link';
import { SignOutButton } from '@/components/auth/SignOutButton';
import { currentViewer } from './viewer';

export async function SiteHeader() {
  const viewer = await currentViewer();
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
