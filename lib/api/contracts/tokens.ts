import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { apiToken, createdToken, idParams, tokenCreate } from '@/lib/api/schemas';

export const listTokens = defineContract({
  method: 'GET',
  path: '/tokens',
  tag: 'tokens',
  summary: "The caller's API tokens (never the secret itself)",
  response: z.object({ items: z.array(apiToken), nextCursor: z.null() }),
});

export const createToken = defineContract({
  method: 'POST',
  path: '/tokens',
  tag: 'tokens',
  summary: 'Create an API token (signed-in sessions only: a token cannot create tokens); the response is the only time the token is shown',
  body: tokenCreate,
  response: createdToken,
  status: 201,
  errors: [403],
});

export const revokeToken = defineContract({
  method: 'DELETE',
  path: '/tokens/{id}',
  tag: 'tokens',
  summary: 'Revoke one of the caller’s tokens',
  params: idParams,
  response: apiToken,
  errors: [404],
});
