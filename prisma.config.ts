import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// Prisma's schema engine binary cannot be downloaded here and is not needed for
// `prisma generate`/`validate`/`format`; migrations are applied by lib/db/migrate.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./prisma/schema-engine-unavailable', import.meta.url));

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // Only the CLI reads this; the app resolves its database in lib/db/url.ts.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/glossa' },
});
