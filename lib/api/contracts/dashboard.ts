import { z } from 'zod';
import { defineContract } from '@/lib/api/contract';
import { id, idParams } from '@/lib/api/schemas';
import { LAYERS } from '@/lib/schema/types';

const count = z.number().int();

export const dashboard = defineContract({
  method: 'GET',
  path: '/projects/{id}/dashboard',
  tag: 'projects',
  summary:
    'The project overview’s charts: live spans per label per layer (gold and annotators’ apart), spans per label per annotator, and documents ' +
    'submitted and adjudicated per UTC day with running totals. In blind mode an annotator gets their own figures only (scope "own").',
  params: idParams,
  response: z.object({
    scope: z.enum(['all', 'own']).describe('"own": the figures count the caller’s work only; gold, others and adjudication are left out'),
    layers: z.array(
      z.object({
        layer: z.enum(LAYERS),
        labels: z.array(
          z.object({
            id,
            key: z.string(),
            name: z.string(),
            color: z.string(),
            gold: count.nullable().describe('spans in the gold layer; null when the caller may not see gold'),
            annotators: count.describe('spans by annotators (all of them, or the caller’s own in scope "own")'),
          }),
        ),
      }),
    ),
    annotators: z.array(
      z.object({
        userId: id,
        name: z.string(),
        total: count,
        labels: z.record(z.string(), count).describe('spans per label id; labels without spans left out'),
      }),
    ),
    timeline: z.array(
      z.object({
        day: z.string().describe('UTC calendar day, YYYY-MM-DD; only days on which something happened'),
        submitted: count.describe('documents whose last assignment was submitted that day (all of its assignments submitted)'),
        adjudicated: count,
        cumulativeSubmitted: count,
        cumulativeAdjudicated: count,
      }),
    ),
  }),
  errors: [404],
});
