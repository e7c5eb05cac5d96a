import { defineEndpoint } from '@/lib/api/endpoint';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { forbidden } from '@/lib/http/errors';
import { changePassword } from '@/lib/users/password';
import * as contract from '@/lib/api/contracts/account';

export const revokeAllSessions = defineEndpoint({
  ...contract.revokeAllSessions,
  async handle({ db, caller }) {
    return { revokedSessions: await revokeUserSessions(db, caller.userId) };
  },
});

export const changePasswordEndpoint = defineEndpoint({
  ...contract.changePassword,
  async handle({ db, caller, body }) {
    // A token must not be able to take over the account it was lent.
    if (caller.via !== 'session') throw forbidden('Change your password while signed in; an API token cannot change it.');
    return changePassword(db, caller.userId, body, caller.sessionHash);
  },
});

export const accountEndpoints = [revokeAllSessions, changePasswordEndpoint];
