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
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Token</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = statusOf(token, now);
            return (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  <DateText value={token.createdAt} />
                </td>
                <td>{token.lastUsedAt ? <DateText value={token.lastUsedAt} withTime /> : <span className="muted">Never</span>}</td>
                <td>{token.expiresAt ? <DateText value={token.expiresAt} /> : <span className="muted">Never</span>}</td>
                <td>
                  <span className={`badge badge--${status.toLowerCase()}`}>{status}</span>
                  {token.revokedAt && (
                    <span className="muted">
                      {' '}
                      on <DateText value={token.revokedAt} />
                    </span>
                  )}
                </td>
                <td>{status === 'Active' && <RevokeTokenButton token={token} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
