import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { CreateTokenForm } from '@/components/tokens/CreateTokenForm';
import { TokenList } from '@/components/tokens/TokenList';
import { PageHeader } from '@/components/ui/PageHeader';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { requirePageCaller } from '@/lib/next/page-access';
import { getPrisma } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens' };

/** The address this page was reached at, so the example works when copied as-is. */
async function apiOrigin(): Promise<string> {
  const request = await headers();
  const protocol = request.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${protocol}://${request.get('host') ?? 'localhost:3000'}`;
}

export default async function ApiTokensPage() {
  const caller = await requirePageCaller();
  const [tokens, origin] = await Promise.all([listApiTokens(getPrisma(), caller.userId), apiOrigin()]);

  return (
    <>
      <PageHeader title="API tokens" lead="Tokens let scripts and notebooks use the Glossa API as you, with your access to every project you are in." />
      <section aria-labelledby="create-token-heading" className="panel">
        <h2 id="create-token-heading">Create a token</h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading" className="panel">
        <h2 id="tokens-heading">Your tokens</h2>
        <TokenList tokens={tokens} />
      </section>
      <section aria-labelledby="usage-heading" className="panel">
        <h2 id="usage-heading">Using a token</h2>
        <p>Send it in the Authorization header:</p>
        <pre className="code-block">
          <code>{`curl -H "Authorization: Bearer <token>" ${origin}/api/v1/projects`}</code>
        </pre>
        <p>
          The API is described at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </section>
    </>
  );
}
