/**
 * The V8 heap limit Glossa's own long-running work runs under: the server (`next start`), the
 * `glossa` CLI (its shebang line) and the export benchmark, which measures the export as they run it.
 *
 * Why a limit at all: V8 lets the old generation grow to a multiple of what survived the last full
 * collection before collecting again, and caps that multiple by the heap limit, which Node derives
 * from the machine's memory: on a machine with 8 GB or more the limit is 2 GB or more and the
 * multiple reaches 4; under 2 GB it is at most 2. A streaming export keeps ~35 MB live, so on a large
 * machine its process peaked at 335–367 MB RSS, on this limit at 270–290 MB (bench/RESULTS.md),
 * at the same speed. Every path stays far below the limit itself: an import of 10,000 documents
 * completes within a 160 MB heap.
 *
 * A server whose NODE_OPTIONS sets a limit keeps that one.
 */
export const HEAP_LIMIT_MB = 1536;

const LIMIT_FLAG = /--max[-_]old[-_]space[-_]size/;

/** The Node options that apply the limit, or none when NODE_OPTIONS already sets one. */
export function heapLimitArgs(env: Record<string, string | undefined> = process.env): string[] {
  return LIMIT_FLAG.test(env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_LIMIT_MB}`];
}
