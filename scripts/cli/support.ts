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

/** The flags a command takes, by kind: `--name value`, `--name` alone, and `--name value` that may be given again. */
interface FlagNames<S extends string, B extends string, L extends string> {
  strings?: readonly S[];
  switches?: readonly B[];
  lists?: readonly L[];
}

type FlagValues<S extends string, B extends string, L extends string> = { [K in S]?: string } & { [K in B]?: boolean } & { [K in L]?: string[] };

/** Parses `--name value` flags, insisting on the required ones. */
export function flags<S extends string = never, B extends string = never, L extends string = never>(
  args: string[],
  names: FlagNames<S, B, L>,
  required: (S | L)[],
): FlagValues<S, B, L> {
  const options: Options = Object.fromEntries([
    ...(names.strings ?? []).map((name) => [name, { type: 'string' }]),
    ...(names.switches ?? []).map((name) => [name, { type: 'boolean' }]),
    ...(names.lists ?? []).map((name) => [name, { type: 'string', multiple: true }]),
  ]);
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = required.filter((name) => values[name] === undefined || values[name] === '');
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((m) => `--${m}`).join(', ')}.`);
  return values as FlagValues<S, B, L>;
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
