import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '@/lib/generated/prisma/client';

/**
 * The one Prisma client per process. Entry points (scripts/start.ts, the CLI, the
 * test setup) resolve the database first and put its URL in DATABASE_URL.
 */
const globalForPrisma = globalThis as unknown as { glossaPrisma?: PrismaClient };

/**
 * A database host that stops answering (rather than refusing) would otherwise hold every
 * request for the operating system's TCP timeout, minutes; this way they get the API's 503.
 */
export const CONNECT_TIMEOUT_MS = 5_000;

/*
 * pg prints one DeprecationWarning per process ("client.query() when the client is already
 * executing a query"): inside an interactive transaction, Prisma's query interpreter reads the
 * relations of a nested select concurrently on the transaction's one connection (prisma/orm
 * PR #29979 and #29468, still open). pg 8 queues those queries, so results are right; pg 9 will
 * refuse them, which is why package.json keeps pg on ^8 until the adapter serialises them.
 */
export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: poolSize(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS }),
    // A transaction waits for a pooled connection as long as a single query does (Prisma's own
    // default is 2 s), so a busy pool answers both the same way: 503 after 5 s.
    transactionOptions: { maxWait: CONNECT_TIMEOUT_MS },
  });
}

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.glossaPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error('DATABASE_URL is not set. Start Glossa with `npm start` (which provides the embedded PostgreSQL) or set DATABASE_URL.');
    }
    globalForPrisma.glossaPrisma = createPrismaClient(url);
  }
  return globalForPrisma.glossaPrisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.glossaPrisma?.$disconnect();
  globalForPrisma.glossaPrisma = undefined;
}

function poolSize(): number {
  const configured = Number(process.env.DATABASE_POOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 10;
}

export type { PrismaClient };
/** Either the client or the handle inside `$transaction`, for helpers that run in both. */
export type DbClient = PrismaClient | Prisma.TransactionClient;
