import 'server-only';
import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import type { Provider } from 'next-auth/providers/index';
import { getPrisma } from '@/lib/db/client';
import { clientAddress } from '@/lib/http/client-address';
import { enabledOAuthProviders } from '@/lib/auth/providers';
import { liveSession, revokeSession, startSession } from '@/lib/auth/sessions';
import { SignInError, signInWithPassword } from '@/lib/auth/sign-in';

/**
 * next-auth configuration. E-mail + password always works, offline. GitHub and a
 * generic OpenID Connect provider (e.g. a university Keycloak) switch on when
 * their environment variables are set. Sessions are signed JWTs (the secret lives
 * in the database, see lib/auth/secret.ts), so they survive restarts and work across instances;
 * each names a server-side session record (lib/auth/sessions.ts) so it can be revoked.
 */
function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mail and password',
      credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          return await signInWithPassword(getPrisma(), credentials.email, credentials.password, clientAddress(request.headers ?? {}));
        } catch (error) {
          // next-auth passes a thrown message to the sign-in page as ?error=…
          if (error instanceof SignInError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ];
  const env = process.env as Record<string, string>;
  for (const { id, name } of enabledOAuthProviders()) {
    if (id === 'github') {
      list.push(GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! }));
      continue;
    }
    list.push({
      id,
      name,
      type: 'oauth',
      wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile: (profile: { sub: string; name?: string; preferred_username?: string; email: string }) => ({
        id: profile.sub,
        name: profile.name ?? profile.preferred_username ?? profile.email,
        email: profile.email,
      }),
    });
  }
  return list;
}

/** OAuth users get a name even when the provider sends none (User.name is required). */
function adapter(): Adapter {
  const base = PrismaAdapter(getPrisma() as never);
  return {
    ...base,
    createUser: (user: Omit<AdapterUser, 'id'>) => base.createUser!({ ...user, name: user.name ?? user.email }),
  };
}

export function authOptions(): NextAuthOptions {
  return {
    adapter: adapter(),
    providers: providers(),
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    callbacks: {
      // Covers OAuth too (password sign-in checks this itself): a disabled account gets no session.
      async signIn({ user }) {
        const account = await getPrisma().user.findUnique({ where: { id: user.id }, select: { disabledAt: true } });
        return !account?.disabledAt;
      },
      // `user` is present only at sign-in: that is when the server-side session record is made.
      // Otherwise (next-auth's own /api/auth/session) an ended session throws, which makes
      // next-auth answer "no session" and clear the cookie, as the API and pages already refuse it.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sid = await startSession(getPrisma(), user.id);
        } else if (typeof token.sub !== 'string' || typeof token.sid !== 'string' || !(await liveSession(getPrisma(), token.sub, token.sid))) {
          throw new Error('The session has ended.');
        }
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === 'string') await revokeSession(getPrisma(), token.sid);
      },
    },
  };
}
