'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [pending, setPending] = useState(false);

  async function handleClick() {
    setPending(true);
    // Without next-auth's redirect (built from NEXTAUTH_URL, possibly another port);
    // a full page load also drops every cached signed-in page.
    try {
      await signOut({ redirect: false });
      window.location.assign('/signin');
    } catch {
      setPending(false);
    }
  }

  return (
    <button type="button" className="button button--link" onClick={() => void handleClick()} disabled={pending}>
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
