import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';

export class UsageError extends Error {}

export interface Command {
  group: string;
  action?: string;
  synopsis: string;
  run(args: string[]): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `--name value` flags, insisting on the required ones. */
export function flags<T extends Options>(args: string[], options: T, required: (keyof T & string)[]) {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = required.filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.`);
  return values as { [K in keyof T]: T[K]['type'] extends 'boolean' ? boolean | undefined : string | undefined };
}

const log = (line: string) => console.error(line);

/** Opens the shared database for one command and releases everything afterwards. */
export async function withDatabase<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
  const target = await prepareDatabase(log);
  const db = createPrismaClient(target.url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
    if (target.embedded?.owned) await target.embedded.stop();
  }
}
