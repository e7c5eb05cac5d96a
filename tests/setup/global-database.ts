import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, urlOfDatabase } from '@/lib/db/admin';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';

/**
 * One PostgreSQL per test run: TEST_DATABASE_URL when given (its database is only
 * used as a maintenance connection), otherwise an embedded server on a temporary
 * data directory. A migrated template database is cloned for each test file.
 */
export const TEMPLATE_DATABASE = 'glossa_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let cleanup = async () => {};
  if (!adminUrl) {
    const dataRoot = mkdtempSync(path.join(tmpdir(), 'glossa-test-'));
    chmodSync(dataRoot, 0o755); // the postgres OS user must reach the cluster when tests run as root
    const server = await startEmbeddedDatabase({ dataRoot });
    adminUrl = server.url;
    cleanup = async () => {
      await server.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    };
  }

  await recreateDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrate(urlOfDatabase(adminUrl, TEMPLATE_DATABASE));

  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', TEMPLATE_DATABASE);
  return async () => {
    await dropDatabase(adminUrl, TEMPLATE_DATABASE);
    await cleanup();
  };
}

async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  await dropDatabase(adminUrl, name);
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
