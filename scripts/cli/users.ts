import { signUpInput } from '@/lib/users/sign-up';
import { createUser, normalizeEmail } from '@/lib/users/store';
import { createApiToken } from '@/lib/auth/api-tokens';
import { flags, UsageError, withDatabase, type Command } from './support';

export const userCreate: Command = {
  group: 'user',
  action: 'create',
  synopsis: 'glossa user create --email E --name N --password P [--admin]',
  async run(args) {
    const options = flags(args, { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, admin: { type: 'boolean' } }, ['email', 'name', 'password']);
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
    const options = flags(args, { email: { type: 'string' }, name: { type: 'string' } }, ['email']);
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
