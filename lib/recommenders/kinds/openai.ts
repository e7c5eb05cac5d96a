import { z } from 'zod';
import { OffsetIndex } from '@/lib/offsets';
import { postJson } from '../call';
import { chunkDocument } from '../chunks';
import type { OpenaiConfig } from '../config';
import { limited } from '../limit';
import { locateQuote } from '../locate';
import { buildRequest } from '../prompt';
import { scopedLabels, type Scope } from '../scope';
import { countDrop, emptyResult, RecommenderError, type ProposedAnswer, type ProposedSpan, type Recommender, type SuggestResult } from '../types';

/**
 * openai: any OpenAI-compatible Chat Completions endpoint. The key is read from the
 * environment variable the config names, at run time, and goes only in the Authorization
 * header. Quotes are located by Glossa (locate.ts); what cannot be located is dropped and
 * counted, as are malformed items. An answer that is empty or not the JSON asked for fails
 * the document (RecommenderError): nothing of it is stored.
 */
const completion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().optional(), completion_tokens: z.number().int().nonnegative().optional() }).optional(),
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const spanItem = z.object({
  // A lone surrogate could match half of an emoji in the text.
  quote: z
    .string()
    .min(1)
    .refine((s) => !LONE_SURROGATE.test(s)),
  label: z.string(),
  target: z.string().nullable().optional(),
  occurrence: z.number().int().positive().nullable().optional(),
});
const answerItem = z.object({ question: z.string(), values: z.array(z.string()), target: z.string().nullable().optional() });
const content = z.object({ spans: z.array(z.unknown()), answers: z.array(z.unknown()).nullable().optional() });

export const OPENAI_DEFAULTS = { temperature: 0, timeoutMs: 60_000, concurrency: 4, retries: 3, allOccurrences: true, chunkChars: 12_000, overlapChars: 1_000 };

export function openaiKind(id: string, config: OpenaiConfig, scope: Scope): Recommender {
  const settings = { ...OPENAI_DEFAULTS, ...config };
  const url = `${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  return {
    async suggest(text, schema, context) {
      const headers: Record<string, string> = {};
      if (settings.apiKeyEnv) {
        const key = context.env[settings.apiKeyEnv];
        if (!key) throw new RecommenderError(`The environment variable ${settings.apiKeyEnv} (the API key of this recommender) is not set on the server.`);
        headers.authorization = `Bearer ${key}`;
      }
      const labels = scopedLabels(schema, scope);
      const index = new OffsetIndex(text);
      const pieces = chunkDocument(index, settings.chunkChars, settings.overlapChars);
      const results = await Promise.all(
        pieces.map((piece) =>
          limited(id, settings.concurrency, async () => {
            const request = buildRequest(schema, piece.text, { model: settings.model, temperature: settings.temperature, ...labels });
            const answer = await postJson(url, request, {
              headers,
              timeoutMs: settings.timeoutMs,
              retries: settings.retries,
              signal: context.signal,
              env: context.env,
            });
            return readAnswer(answer, new OffsetIndex(piece.text), piece.start, settings.allOccurrences);
          }),
        ),
      );
      return merge(results);
    },
  };
}

/** One completion: the located spans (document offsets), the answers, what was dropped, the tokens. */
export function readAnswer(answer: unknown, piece: OffsetIndex, offset: number, allOccurrences: boolean): SuggestResult {
  const parsed = completion.safeParse(answer);
  if (!parsed.success) throw new RecommenderError('The model endpoint answered, but not with a Chat Completions response (no choices[0].message).');
  const raw = parsed.data.choices[0]!.message.content?.trim();
  if (!raw) throw new RecommenderError('The model returned nothing (empty message content).');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new RecommenderError(`The model returned malformed JSON: ${raw.slice(0, 120)}`);
  }
  const body = content.safeParse(json);
  if (!body.success) throw new RecommenderError('The model returned JSON without a "spans" list.');
  const result = emptyResult();
  result.tokens = { prompt: parsed.data.usage?.prompt_tokens ?? 0, completion: parsed.data.usage?.completion_tokens ?? 0 };
  for (const item of body.data.spans) {
    const span = spanItem.safeParse(item);
    if (!span.success) {
      countDrop(result.dropped, 'malformed item');
      continue;
    }
    const located = locateQuote(piece, span.data.quote, span.data.occurrence ?? null, allOccurrences);
    if (typeof located === 'string') {
      countDrop(result.dropped, located);
      continue;
    }
    for (const at of located) result.spans.push({ start: at.start + offset, end: at.end + offset, label: span.data.label, target: span.data.target ?? null });
  }
  for (const item of body.data.answers ?? []) {
    const answer = answerItem.safeParse(item);
    if (answer.success) result.answers.push({ question: answer.data.question, values: answer.data.values, target: answer.data.target ?? null });
    else countDrop(result.dropped, 'malformed item');
  }
  return result;
}

/** The pieces' results as one: spans found twice in an overlap kept once, the first answer to each question kept. */
export function merge(results: SuggestResult[]): SuggestResult {
  const merged = emptyResult();
  const spans = new Map<string, ProposedSpan>();
  const answers = new Map<string, ProposedAnswer>();
  for (const result of results) {
    for (const span of result.spans) spans.set(`${span.start}:${span.end}:${span.label}:${span.target ?? ''}`, span);
    for (const answer of result.answers) {
      const key = `${answer.question}:${answer.target ?? ''}`;
      if (!answers.has(key)) answers.set(key, answer);
    }
    for (const [reason, n] of Object.entries(result.dropped)) countDrop(merged.dropped, reason, n);
    merged.tokens.prompt += result.tokens.prompt;
    merged.tokens.completion += result.tokens.completion;
  }
  merged.spans = [...spans.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  merged.answers = [...answers.values()];
  return merged;
}
