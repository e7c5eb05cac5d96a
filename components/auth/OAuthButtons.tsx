'use client';

import { signIn } from 'next-auth/react';

interface OAuthProvider {
  id: string;
  name: string;
}

export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProvider[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="oauth">
      <p className="divider">or</p>
      {providers.map((provider) => (
        <button key={provider.id} type="button" className="button button--secondary button--wide" onClick={() => void signIn(provider.id, { callbackUrl })}>
          Continue with {provider.name}
        </button>
      ))}
    </div>
  );
}
