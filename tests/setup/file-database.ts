import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { disconnectPrisma } from '@/lib/db/client';
import { adminQuery, urlOfDatabase } from '@/lib/db/admin';

// Each test file gets its own copy of the migrated template, so files never see
// each other's rows and need no cleanup between them.
const adminUrl = inject('adminDatabaseUrl');
const database = `glossa_test_${randomBytes(6).toString('hex')}`;
await adminQuery(adminUrl, `CREATE DATABASE "${database}" TEMPLATE "${inject('templateDatabase')}"`);
process.env.DATABASE_URL = urlOfDatabase(adminUrl, database);
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');

afterAll(async () => {
  await disconnectPrisma();
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});
