#!/usr/bin/env -S node --max-old-space-size=1536
// The `glossa` command: runs the TypeScript CLI through tsx, so it shares lib/ with the server.
// Its heap limit is scripts/heap-limit.ts's HEAP_LIMIT_MB (why: see there; a unit test keeps the two
// equal). For another, run `node --max-old-space-size=<MB> bin/glossa.mjs …`.
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
// After tsx: hooks registered later run first, and this one must see `server-only` before tsx does.
await import('../scripts/server-runtime.mjs');
await import('../scripts/cli/main.ts');
