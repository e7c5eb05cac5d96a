import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { resolveCaller } from '@/lib/auth/caller';
import { getPrisma } from '@/lib/db/client';
import { getUserName } from '@/lib/users/store';

/**
 * Who is looking at the page: for the header, and to send signed-in people away
 * from the sign-in pages. Not authorization (pages use requirePageCaller): any
 * failure — no session, no database yet — just means "signed out", so the header
 * can never take a page down with it. Cached per request, as both may ask.
 */
export const currentViewer = cache(async (): Promise<{ name: string } | null> => {
  // Outside the try: Next signals "render this dynamically" by throwing from headers().
  const requestHeaders = await headers();
  try {
    const db = getPrisma();
    const caller = await resolveCaller(db, requestHeaders);
    if (!caller) return null;
    return { name: (await getUserName(db, caller.userId)) ?? 'Signed in' };
  } catch {
    return null;
  }
});
