import { randomBytes } from 'node:crypto';
import { newPassword, signUpInput } from '@/lib/users/inputs';
import { resetPassword } from '@/lib/users/password';
import { createUser, normalizeEmail, setDisabled } from '@/lib/users/store';
import { createApiToken } from '@/lib/auth/api-tokens';
import { flags, UsageError, withDatabase, type Command } from './support';

export const userCreate: Command = {
  group: 'user',
  action: 'create',
  synopsis: 'glossa user create --email E --name N --password P [--admin]',
  async run(args) {
    const options = flags(args, { strings: ['email', 'name', 'password'], switches: ['admin'] }, ['email', 'name', 'password']);
    const parsed = signUpInput.safeParse({ email: options.email, name: options.name, password: options.password });
    if (!parsed.success) {
      throw new UsageError(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
    }
    await withDatabase(async (db) => {
      if (await db.user.findUnique({ where: { email: normalizeEmail(parsed.data.email) } })) {
        throw new UsageError(`A user with e-mail ${normalizeEmail(parsed.data.email)} already exists.`);
      }
      const user = await createUser(db, { ...parsed.data, isAdmin: options.admin ?? false });
      console.log(`Created user ${user.email} (id ${user.id})${user.isAdmin ? ' as instance admin' : ''}.`);
    });
  },
};

export const tokenCreate: Command = {
  group: 'token',
  action: 'create',
  synopsis: 'glossa token create --email E [--name N]       prints a new API token once',
  async run(args) {
    const options = flags(args, { strings: ['email', 'name'] }, ['email']);
    await withDatabase(async (db) => {
      const user = await db.user.findUnique({ where: { email: normalizeEmail(options.email!) }, select: { id: true } });
      if (!user) throw new UsageError(`No user with e-mail ${normalizeEmail(options.email!)}.`);
      const token = await createApiToken(db, user.id, options.name ?? 'CLI token');
      console.error(`Created API token "${token.name}" (${token.prefix}…). It is shown only this once:`);
      // The token alone on stdout, so scripts can capture it: TOKEN=$(npx glossa token create --email …)
      console.log(token.token);
    });
  },
};

export const userPassword: Command = {
  group: 'user',
  action: 'password',
  synopsis:
    'glossa user password --email E [--password P | --password-stdin]  resets a password (a new one is printed when none is given) and ' +
    'signs the user out everywhere',
  async run(args) {
    const options = flags(args, { strings: ['email', 'password'], switches: ['password-stdin'] }, ['email']);
    if (options.password !== undefined && options['password-stdin']) throw new UsageError('Give --password or --password-stdin, not both.');
    // From stdin the password stays out of the process list and the shell history.
    const given = options['password-stdin'] ? await firstLineOfStdin() : options.password;
    const generated = given === undefined;
    const password = given ?? randomBytes(18).toString('base64url');
    const parsed = newPassword.safeParse(password);
    if (!parsed.success) throw new UsageError(`${options['password-stdin'] ? '--password-stdin' : '--password'}: ${parsed.error.issues[0]!.message}`);
    await withDatabase(async (db) => {
      const result = await resetPassword(db, options.email!, parsed.data);
      if (!result) throw new UsageError(`No user with e-mail ${normalizeEmail(options.email!)}.`);
      console.error(`Password of ${normalizeEmail(options.email!)} reset; ${result.revokedSessions} session(s) signed out.`);
      // Like `token create`: a generated secret alone on stdout, shown once.
      if (generated) console.log(password);
    });
  },
};

/** The first line of standard input without its line end (a password piped in or typed, then Ctrl-D). */
async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0]!;
}

function accessCommand(action: 'disable' | 'enable'): Command {
  return {
    group: 'user',
    action,
    synopsis:
      action === 'disable'
        ? 'glossa user disable --email E                  refuses the account’s sign-in, sessions and API tokens from now on'
        : 'glossa user enable --email E                   lets a disabled account sign in again',
    async run(args) {
      const options = flags(args, { strings: ['email'] }, ['email']);
      await withDatabase(async (db) => {
        const user = await setDisabled(db, options.email!, action === 'disable');
        if (!user) throw new UsageError(`No user with e-mail ${normalizeEmail(options.email!)}.`);
        console.log(`${user.email} is ${action === 'disable' ? 'disabled' : 'enabled'}.`);
      });
    },
  };
}

export const userDisable = accessCommand('disable');
export const userEnable = accessCommand('enable');
