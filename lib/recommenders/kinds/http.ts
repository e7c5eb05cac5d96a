import { z } from 'zod';
import { postJson } from '../call';
import type { HttpConfig } from '../config';
import { countDrop, emptyResult, RecommenderError, type Recommender, type SchemaView } from '../types';

/**
 * http: a lab's own model server. Glossa POSTs { text, schema } to the configured URL and
 * expects { spans: [{ start, end, label, target?, score? }] } with code-point offsets
 * (documented in the OpenAPI description of the recommender endpoints). The answer is
 * validated strictly: a body of another shape fails the document; an item with offsets
 * outside the text, or of another shape, is dropped and counted.
 */
const answer = z.object({ spans: z.array(z.unknown()) });
const item = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    label: z.string().min(1),
    target: z.string().nullable().optional(),
    score: z.number().min(0).max(1).nullable().optional(),
  })
  .strict();

export const HTTP_DEFAULTS = { timeoutMs: 60_000, retries: 2 };

/** The schema as the lab's server receives it: keys, names and descriptions, nothing internal. */
export function wireSchema(schema: SchemaView) {
  return {
    labels: schema.labels.filter((l) => !l.retired).map((l) => ({ key: l.key, name: l.name, description: l.description, layer: l.layer, options: l.options })),
    targets: schema.targets.filter((t) => !t.retired).map((t) => ({ key: t.key, name: t.name, aliases: t.aliases })),
  };
}

export function httpKind(config: HttpConfig): Recommender {
  const settings = { ...HTTP_DEFAULTS, ...config };
  return {
    async suggest(text, schema, context) {
      const body = await postJson(
        settings.url,
        { text, schema: wireSchema(schema) },
        { timeoutMs: settings.timeoutMs, retries: settings.retries, signal: context.signal, env: context.env },
      );
      const parsed = answer.safeParse(body);
      if (!parsed.success) throw new RecommenderError(`${settings.url} answered JSON without a "spans" list.`);
      const length = Array.from(text).length;
      const result = emptyResult();
      for (const raw of parsed.data.spans) {
        const span = item.safeParse(raw);
        if (!span.success) countDrop(result.dropped, 'malformed item');
        else if (span.data.end > length || span.data.start >= span.data.end) countDrop(result.dropped, 'offsets out of range');
        else
          result.spans.push({
            start: span.data.start,
            end: span.data.end,
            label: span.data.label,
            target: span.data.target ?? null,
            score: span.data.score ?? null,
          });
      }
      return result;
    },
  };
}
