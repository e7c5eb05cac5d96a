import { z } from 'zod';
import { assertMayCreateTokens, createApiToken, listApiTokens, revokeApiToken } from '@/lib/auth/api-tokens';
import { defineEndpoint } from '@/lib/api/endpoint';
import { apiToken, createdToken, idParams, tokenCreate } from '@/lib/api/schemas';
import { badRequest } from '@/lib/http/errors';

export const listTokens = defineEndpoint({
  method: 'GET',
  path: '/tokens',
  tag: 'tokens',
  summary: "The caller's API tokens (never the secret itself)",
  response: z.object({ items: z.array(apiToken), nextCursor: z.null() }),
  async handle({ db, caller }) {
    return { items: await listApiTokens(db, caller.userId), nextCursor: null };
  },
});

export const createToken = defineEndpoint({
  method: 'POST',
  path: '/tokens',
  tag: 'tokens',
  summary: 'Create an API token (signed-in sessions only: a token cannot create tokens); the response is the only time the token is shown',
  body: tokenCreate,
  response: createdToken,
  status: 201,
  errors: [403],
  async handle({ db, caller, body }) {
    assertMayCreateTokens(caller);
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : null;
    if (expiresAt && expiresAt <= new Date()) throw badRequest('expiresAt must be in the future.');
    return createApiToken(db, caller.userId, body.name, expiresAt);
  },
});

export const revokeToken = defineEndpoint({
  method: 'DELETE',
  path: '/tokens/{id}',
  tag: 'tokens',
  summary: 'Revoke one of the caller’s tokens',
  params: idParams,
  response: apiToken,
  errors: [404],
  async handle({ db, caller, params }) {
    return revokeApiToken(db, caller.userId, params.id);
  },
});

export const tokenEndpoints = [listTokens, createToken, revokeToken];
