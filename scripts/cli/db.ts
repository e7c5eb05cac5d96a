import { withDatabase, type Command } from './support';

export const dbMigrate: Command = {
  group: 'db',
  action: 'migrate',
  synopsis: 'glossa db migrate                      apply pending migrations',
  // prepareDatabase migrates; report what it found.
  run: () =>
    withDatabase(async (db) => {
      const rows = await db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "_prisma_migrations"`;
      console.log(`Database is up to date (${rows[0]?.count ?? 0} migrations applied).`);
    }),
};
