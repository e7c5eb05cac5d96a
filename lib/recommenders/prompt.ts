import type { SchemaLabelView, SchemaView } from './types';

/**
 * The Chat Completions request for one piece of a document: the instructions built from the
 * schema (labels with descriptions, stance targets with aliases, frames, document questions)
 * and the project guidelines, the text as the user message, and structured output whose
 * JSON schema is exactly what Glossa reads back (issue #18):
 * { spans: [{ quote, label, target?, occurrence? }], answers?: [{ question, values, target? }] }.
 * Strict structured output requires every property, so the optional ones are nullable.
 */
export interface PromptOptions {
  model: string;
  temperature: number;
  /** The label keys this recommender may suggest (already narrowed to its layers and labels). */
  spanLabels: SchemaLabelView[];
  questions: SchemaLabelView[];
}

export function buildRequest(schema: SchemaView, text: string, options: PromptOptions) {
  return {
    model: options.model,
    temperature: options.temperature,
    messages: [
      { role: 'system', content: instructions(schema, options) },
      { role: 'user', content: text },
    ],
    response_format: { type: 'json_schema', json_schema: { name: 'glossa_suggestions', strict: true, schema: responseSchema(schema, options) } },
  };
}

function instructions(schema: SchemaView, { spanLabels, questions }: PromptOptions): string {
  const targets = schema.targets.filter((t) => !t.retired);
  const byLayer = (layer: string) => spanLabels.filter((l) => l.layer === layer);
  const lines = [
    'You annotate the text the user sends. Mark spans by quoting them exactly as they appear in the text (same characters, same case).',
    'If a quote occurs more than once and you mean only some occurrences, give "occurrence" (1 for the first); otherwise set it to null.',
    'Use only the label, target and option keys listed here.',
  ];
  for (const [layer, title] of [
    ['ENTITY', 'Entity labels'],
    ['STANCE', 'Stance labels (each stance span needs a "target")'],
    ['FRAME', 'Frames'],
  ] as const) {
    const labels = byLayer(layer);
    if (labels.length > 0) lines.push('', `${title}:`, ...labels.map(describe));
  }
  if (targets.length > 0) {
    lines.push('', 'Stance targets:', ...targets.map((t) => `- ${t.key}: ${t.name}${t.aliases.length ? ` (also: ${t.aliases.join(', ')})` : ''}`));
  }
  if (questions.length > 0) {
    lines.push('', 'Document questions (answer in "answers"):');
    for (const q of questions)
      lines.push(
        `${describe(q)} — options: ${q.options.map((o) => `${o.key} (${o.name})`).join(', ')}` +
          `${q.multiple ? '; several allowed' : '; exactly one'}${q.perTarget ? '; once per stance target' : ''}`,
      );
  }
  if (schema.guidelines.trim() !== '') lines.push('', 'Annotation guidelines:', schema.guidelines.trim());
  return lines.join('\n');
}

function describe(label: SchemaLabelView): string {
  return `- ${label.key}: ${label.name}${label.description ? ` — ${label.description}` : ''}`;
}

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

function responseSchema(schema: SchemaView, { spanLabels, questions }: PromptOptions) {
  const targetKeys = schema.targets.filter((t) => !t.retired).map((t) => t.key);
  const target = nullable(targetKeys.length ? { type: 'string', enum: targetKeys } : { type: 'string' });
  return {
    type: 'object',
    additionalProperties: false,
    required: ['spans', 'answers'],
    properties: {
      spans: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['quote', 'label', 'target', 'occurrence'],
          properties: {
            quote: { type: 'string' },
            label: spanLabels.length ? { type: 'string', enum: spanLabels.map((l) => l.key) } : { type: 'string' },
            target,
            occurrence: nullable({ type: 'integer', minimum: 1 }),
          },
        },
      },
      answers: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['question', 'values', 'target'],
          properties: {
            question: questions.length ? { type: 'string', enum: questions.map((q) => q.key) } : { type: 'string' },
            values: { type: 'array', items: { type: 'string' } },
            target,
          },
        },
      },
    },
  };
}
