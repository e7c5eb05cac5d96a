import { DataTable } from '@/components/ui/DataTable';
import { DateText } from '@/components/ui/DateText';
import { EmptyState } from '@/components/ui/EmptyState';
import { RevokeTokenButton } from './RevokeTokenButton';

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function statusOf(token: TokenRow, now: Date): 'Active' | 'Revoked' | 'Expired' {
  if (token.revokedAt) return 'Revoked';
  if (token.expiresAt && token.expiresAt <= now) return 'Expired';
  return 'Active';
}

export function TokenList({ tokens }: { tokens: TokenRow[] }) {
  if (tokens.length === 0) return <EmptyState title="You have no API tokens yet." />;
  const now = new Date();
  return (
    <DataTable
      rows={tokens}
      columns={[
        { header: 'Name', cell: (token) => token.name },
        { header: 'Token', cell: (token) => <code>{token.prefix}…</code> },
        { header: 'Created', cell: (token) => <DateText value={token.createdAt} /> },
        { header: 'Last used', cell: (token) => (token.lastUsedAt ? <DateText value={token.lastUsedAt} withTime /> : <span className="muted">Never</span>) },
        { header: 'Expires', cell: (token) => (token.expiresAt ? <DateText value={token.expiresAt} /> : <span className="muted">Never</span>) },
        {
          header: 'Status',
          cell: (token) => (
            <>
              <span className={`badge badge--${statusOf(token, now).toLowerCase()}`}>{statusOf(token, now)}</span>
              {token.revokedAt && (
                <span className="muted">
                  {' '}
                  on <DateText value={token.revokedAt} />
                </span>
              )}
            </>
          ),
        },
        { header: 'Actions', hideHeader: true, cell: (token) => statusOf(token, now) === 'Active' && <RevokeTokenButton token={token} /> },
      ]}
    />
  );
}
