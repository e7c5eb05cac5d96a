/**
 * `npx glossa <command>`: the same lib/ code as the server, against the same
 * database as `npm start` (DATABASE_URL, or the embedded one under .data/).
 */
import { describeStartupError } from '@/lib/db/startup-error';
import { COMMANDS, usage, UsageError } from './commands';

async function main(argv: string[]): Promise<number> {
  const [group, action, ...rest] = argv;
  const command = COMMANDS.find((c) => c.group === group && (c.action === undefined || c.action === action));
  if (!command) {
    console.error(group && group !== 'help' && group !== '--help' ? `Unknown command: ${[group, action].filter(Boolean).join(' ')}\n` : '');
    console.error(usage());
    return group === 'help' || group === '--help' || !group ? 0 : 2;
  }
  const args = command.action === undefined ? [action, ...rest].filter((a): a is string => a !== undefined) : rest;
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\nUsage: ${command.synopsis}`);
      return 2;
    }
    console.error(describeStartupError(error));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
