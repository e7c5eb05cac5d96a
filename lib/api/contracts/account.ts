import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { passwordChangeInput } from '@/lib/users/inputs';

export const revokeAllSessions = defineContract({
  method: 'POST',
  path: '/sessions/revoke-all',
  tag: 'account',
  summary: "Sign out everywhere: end every browser session of the caller's account, this one included",
  response: z.object({ revokedSessions: z.number().int() }),
});

export const changePassword = defineContract({
  method: 'POST',
  path: '/account/password',
  tag: 'account',
  summary: "Change the caller's password (signed-in sessions only); every other session of the account ends",
  body: passwordChangeInput,
  response: z.object({ revokedSessions: z.number().int() }),
  errors: [403, 409],
});
