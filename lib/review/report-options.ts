import { z } from 'zod';
import { DEFAULT_INTERVAL, MAX_REPLICATES, type IntervalOptions } from '@/lib/agreement';
import type { ModelSelection } from './load-models';
import type { Batching } from './over-time';

/**
 * How a client asks for the report's intervals (API query, page URL, `glossa agreement` flags):
 * strings in, IntervalOptions out, every bad value named. Bootstrap with 1,000 replicates by
 * default, as KALPHA; `interval=none` for point estimates only.
 */
export const intervalQuery = z.object({
  interval: z
    .enum(['bootstrap', 'jackknife', 'none'])
    .default('bootstrap')
    .describe('confidence intervals: unit bootstrap (percentile), Hughes’ jackknife (normal), or none'),
  confidence: z.coerce.number().gt(0).lt(1).default(DEFAULT_INTERVAL.confidence).describe('two-sided level, e.g. 0.95'),
  replicates: z.coerce.number().int().min(1).max(MAX_REPLICATES).default(DEFAULT_INTERVAL.replicates).describe('bootstrap replicates'),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(DEFAULT_INTERVAL.seed)
    .describe('seed of the bootstrap: the same seed gives the same intervals'),
  thresholds: z
    .string()
    .regex(/^-?\d*\.?\d+(,-?\d*\.?\d+){0,9}$/, 'a comma-separated list of up to 10 numbers, e.g. 0.667,0.8')
    .transform((list) => list.split(',').map(Number))
    .optional()
    .describe('report the probability that a coefficient is below each (bootstrap); default 0.667,0.8'),
});

type IntervalQuery = z.output<typeof intervalQuery>;

/** Agreement over time: batches by ISO week of completion (default), of N documents, or none. */
export const batchQuery = z.object({
  batch: z
    .string()
    .regex(/^(week|none|[1-9]\d{0,5})$/, '"week", "none" or a number of documents per batch (1–999999)')
    .default('week')
    .describe('agreement over time: batches by week of completion, of N documents, or none'),
});

export function batching({ batch }: z.output<typeof batchQuery>): Batching | null {
  if (batch === 'none') return null;
  return batch === 'week' ? { by: 'week' } : { by: 'documents', size: Number(batch) };
}

export function intervalOptions(query: IntervalQuery): IntervalOptions | null {
  if (query.interval === 'none') return null;
  return {
    method: query.interval,
    confidence: query.confidence,
    replicates: query.replicates,
    seed: query.seed,
    thresholds: query.thresholds ?? [...DEFAULT_INTERVAL.thresholds],
  };
}

/**
 * Recommender runs as extra coders: `all` (every finished run) or run ids, comma-separated.
 * Absent: the humans only.
 */
export const modelsQuery = z.object({
  models: z
    .string()
    .regex(/^(all|[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49})$/, '"all" or up to 50 comma-separated run ids')
    .optional()
    .describe('recommender runs evaluated as coders: "all" finished runs, or run ids (comma-separated)'),
});

export function modelSelection({ models }: z.output<typeof modelsQuery>): ModelSelection {
  if (models === undefined) return 'none';
  return models === 'all' ? 'all' : [...new Set(models.split(','))];
}
