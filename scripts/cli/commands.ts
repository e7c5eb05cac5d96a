import type { Command } from './support';
import { dbMigrate } from './db';

export { UsageError } from './support';

export const COMMANDS: Command[] = [dbMigrate];

export function usage(): string {
  return ['Usage: npx glossa <command> [options]', '', 'Commands:', ...COMMANDS.map((c) => `  ${c.synopsis}`)].join('\n');
}
