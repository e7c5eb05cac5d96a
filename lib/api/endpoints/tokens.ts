import { assertMayCreateTokens, createApiToken, listApiTokens, revokeApiToken } from '@/lib/auth/api-tokens';
import { defineEndpoint } from '@/lib/api/endpoint';
import { badRequest } from '@/lib/http/errors';
import * as contract from '@/lib/api/contracts/tokens';

export const listTokens = defineEndpoint({
  ...contract.listTokens,
  async handle({ db, caller }) {
    return { items: await listApiTokens(db, caller.userId), nextCursor: null };
  },
});

export const createToken = defineEndpoint({
  ...contract.createToken,
  async handle({ db, caller, body }) {
    assertMayCreateTokens(caller);
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) throw badRequest('expiresAt must be in the future.');
    return createApiToken(db, caller.userId, body.name, expiresAt);
  },
});

export const revokeToken = defineEndpoint({
  ...contract.revokeToken,
  async handle({ db, caller, params }) {
    return revokeApiToken(db, caller.userId, params.id);
  },
});

export const tokenEndpoints = [listTokens, createToken, revokeToken];
