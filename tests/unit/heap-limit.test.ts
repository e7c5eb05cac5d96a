import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAP_LIMIT_MB, heapLimitArgs } from '../../scripts/heap-limit';

describe('the heap limit Glossa runs under', () => {
  it('is the one the glossa command starts Node with', () => {
    const shebang = readFileSync(new URL('../../bin/glossa.mjs', import.meta.url), 'utf8').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node --max-old-space-size=${HEAP_LIMIT_MB}`);
  });

  it('is applied unless NODE_OPTIONS sets a limit of its own', () => {
    expect(heapLimitArgs({})).toEqual([`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    expect(heapLimitArgs({ NODE_OPTIONS: '--enable-source-maps' })).toEqual([`--max-old-space-size=${HEAP_LIMIT_MB}`]);
    expect(heapLimitArgs({ NODE_OPTIONS: '--max-old-space-size=4096' })).toEqual([]);
    expect(heapLimitArgs({ NODE_OPTIONS: '--max_old_space_size=512 --trace-gc' })).toEqual([]);
  });
});
