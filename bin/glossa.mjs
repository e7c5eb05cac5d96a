#!/usr/bin/env node
// The `glossa` command: runs the TypeScript CLI through tsx, so it shares lib/ with the server.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
await import('../scripts/cli/main.ts');
