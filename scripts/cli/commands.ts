import type { Command } from './support';
import { dbMigrate } from './db';
import { agreementCommand } from './agreement';
import { exportCommand } from './export';
import { importCommand } from './import';
import { suggestCommand } from './suggest';
import { tokenCreate, userCreate, userDisable, userEnable, userPassword } from './users';

export { UsageError } from './support';

export const COMMANDS: Command[] = [
  userCreate,
  userPassword,
  userDisable,
  userEnable,
  tokenCreate,
  importCommand,
  exportCommand,
  agreementCommand,
  suggestCommand,
  dbMigrate,
];

export function usage(): string {
  return ['Usage: npx glossa <command> [options]', '', 'Commands:', ...COMMANDS.map((c) => `  ${c.synopsis}`)].join('\n');
}
