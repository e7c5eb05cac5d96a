import { z } from 'zod';
import { defineEndpoint } from '@/lib/api/endpoint';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { forbidden } from '@/lib/http/errors';
import { changePassword, passwordChangeInput } from '@/lib/users/password';

export const revokeAllSessions = defineEndpoint({
  method: 'POST',
  path: '/sessions/revoke-all',
  tag: 'account',
  summary: "Sign out everywhere: end every browser session of the caller's account, this one included",
  response: z.object({ revokedSessions: z.number().int() }),
  async handle({ db, caller }) {
    return { revokedSessions: await revokeUserSessions(db, caller.userId) };
  },
});

export const changePasswordEndpoint = defineEndpoint({
  method: 'POST',
  path: '/account/password',
  tag: 'account',
  summary: "Change the caller's password (signed-in sessions only); every other session of the account ends",
  body: passwordChangeInput,
  response: z.object({ revokedSessions: z.number().int() }),
  errors: [403, 409],
  async handle({ db, caller, body }) {
    // A token must not be able to take over the account it was lent.
    if (caller.via !== 'session') throw forbidden('Change your password while signed in; an API token cannot change it.');
    return changePassword(db, caller.userId, body, caller.sessionHash);
  },
});

export const accountEndpoints = [revokeAllSessions, changePasswordEndpoint];
