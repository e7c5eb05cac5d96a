import { z } from 'zod';
import { describeIssues } from '@/lib/http/validation';
import { assertHostAllowed } from './hosts';
import type { Kind } from './types';

/** Each kind's config, strict: an unknown field is a 400 naming it (body.config.<field>). */
export const stringMatchConfig = z.object({ caseSensitive: z.boolean().optional() }).strict();

const labelKey = z.string().min(1).max(100).nullable();
export const compromiseConfig = z
  .object({ mapping: z.object({ people: labelKey.optional(), places: labelKey.optional(), organizations: labelKey.optional() }).strict().optional() })
  .strict();

/** Every member reads configs, so a URL may not carry a password: keys go in the environment (apiKeyEnv). */
function withoutCredentials(value: string): boolean {
  try {
    const parsed = new URL(value);
    return parsed.username === '' && parsed.password === '';
  } catch {
    // Not a URL at all: .url() reports that.
    return true;
  }
}

const url = z
  .string()
  .url()
  .max(2000)
  .refine(withoutCredentials, 'no user name or password in the URL: put the key in an environment variable and name it in apiKeyEnv');
// An environment variable's name, never its value: keys are not stored and never reach the browser.
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'the name of an environment variable (letters, digits, _)');

export const openaiConfig = z
  .object({
    baseUrl: url,
    model: z.string().min(1).max(200),
    apiKeyEnv: envName.optional(),
    temperature: z.number().min(0).max(2).optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
    concurrency: z.number().int().min(1).max(32).optional(),
    retries: z.number().int().min(0).max(10).optional(),
    // Without an occurrence number, a quote stands for each of its occurrences (true) or the first only.
    allOccurrences: z.boolean().optional(),
    chunkChars: z.number().int().min(500).max(200_000).optional(),
    overlapChars: z.number().int().min(0).max(20_000).optional(),
  })
  .strict();

export const httpConfig = z
  .object({
    url,
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
    retries: z.number().int().min(0).max(10).optional(),
  })
  .strict();

export type StringMatchConfig = z.infer<typeof stringMatchConfig>;
export type CompromiseConfig = z.infer<typeof compromiseConfig>;
export type OpenaiConfig = z.infer<typeof openaiConfig>;
export type HttpConfig = z.infer<typeof httpConfig>;

export const CONFIG_SCHEMAS = { 'string-match': stringMatchConfig, compromise: compromiseConfig, openai: openaiConfig, http: httpConfig } as const;

/** Validates a config for its kind and the URL it calls against the allow-list; throws the 400 / 422. */
export function parseConfig(kind: Kind, config: unknown, field = 'body.config'): Record<string, unknown> {
  const result = CONFIG_SCHEMAS[kind].safeParse(config ?? {});
  if (!result.success) {
    throw describeIssues(result.error, field);
  }
  const target = outboundUrl(kind, result.data);
  if (target) assertHostAllowed(target.url, `${field}.${target.field}`);
  return result.data;
}

/** Where a recommender sends document text, if anywhere (shown to every member). */
export function outboundUrl(kind: Kind, config: Record<string, unknown>): { url: string; field: string } | null {
  if (kind === 'openai') return { url: `${String(config.baseUrl).replace(/\/+$/, '')}/chat/completions`, field: 'baseUrl' };
  if (kind === 'http') return { url: String(config.url), field: 'url' };
  return null;
}
