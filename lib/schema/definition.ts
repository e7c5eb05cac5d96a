import { z } from 'zod';
import { LAYERS, type SchemaDefinition } from './types';

/**
 * The shape of a label schema as the API and the schema editor send it, and the
 * rules across labels that a shape alone cannot express. Both callers use
 * `parseSchemaDefinition`, so they reject the same things with the same paths.
 */
const key = z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'use 1–64 characters: A–Z, 0–9 and _, starting with a letter');
// One printable key; "?" opens the shortcut sheet and space/Escape drive the picker.
const hotkey = z.string().regex(/^[a-z0-9]$/, 'use one lower-case letter or digit');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a #rrggbb colour');

export const labelDefinition = z
  .object({
    layer: z.enum(LAYERS),
    key,
    name: z.string().trim().min(1).max(120),
    description: z.string().max(4000).default(''),
    color: color.default('#888888'),
    hotkey: hotkey.optional(),
    sourceTypes: z.array(key).max(100).optional(),
    targetTypes: z.array(key).max(100).optional(),
    options: z.array(z.object({ key, name: z.string().trim().min(1).max(120) }).strict()).max(100).optional(),
    multiple: z.boolean().optional(),
    perTarget: z.boolean().optional(),
  })
  .strict();

export const targetDefinition = z
  .object({
    key,
    name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  })
  .strict();

export const schemaDefinition = z
  .object({
    labels: z.array(labelDefinition).max(1000),
    targets: z.array(targetDefinition).max(1000).default([]),
  })
  .strict()
  .superRefine((schema, ctx) => {
    for (const issue of crossFieldIssues(schema)) ctx.addIssue({ code: 'custom', ...issue });
  });

interface Issue {
  path: (string | number)[];
  message: string;
}

function crossFieldIssues(schema: SchemaDefinition): Issue[] {
  const issues: Issue[] = [];
  const seenKeys = new Map<string, number>();
  const seenHotkeys = new Map<string, number>();
  const entityKeys = new Set(schema.labels.filter((l) => l.layer === 'ENTITY').map((l) => l.key));

  schema.labels.forEach((label, i) => {
    const id = `${label.layer}:${label.key}`;
    if (seenKeys.has(id)) {
      issues.push({ path: ['labels', i, 'key'], message: `duplicate key ${label.key} in layer ${label.layer} (also labels[${seenKeys.get(id)}])` });
    } else seenKeys.set(id, i);
    if (label.hotkey) {
      if (seenHotkeys.has(label.hotkey)) {
        issues.push({ path: ['labels', i, 'hotkey'], message: `hotkey "${label.hotkey}" is already used by labels[${seenHotkeys.get(label.hotkey)}]` });
      } else seenHotkeys.set(label.hotkey, i);
    }
    const misplaced = (field: keyof typeof label, layer: string) => {
      if (label[field] !== undefined && label.layer !== layer) {
        issues.push({ path: ['labels', i, field], message: `${field} applies only to ${layer} labels` });
      }
    };
    misplaced('sourceTypes', 'RELATION');
    misplaced('targetTypes', 'RELATION');
    misplaced('options', 'DOCUMENT');
    misplaced('multiple', 'DOCUMENT');
    misplaced('perTarget', 'DOCUMENT');
    for (const field of ['sourceTypes', 'targetTypes'] as const) {
      label[field]?.forEach((type, j) => {
        if (!entityKeys.has(type)) issues.push({ path: ['labels', i, field, j], message: `unknown ENTITY label ${type}` });
      });
    }
    if (label.layer === 'DOCUMENT') {
      if (!label.options?.length) issues.push({ path: ['labels', i, 'options'], message: 'a DOCUMENT question needs at least one option' });
      const optionKeys = new Set<string>();
      label.options?.forEach((option, j) => {
        if (optionKeys.has(option.key)) issues.push({ path: ['labels', i, 'options', j, 'key'], message: `duplicate option ${option.key}` });
        optionKeys.add(option.key);
      });
    }
  });

  const needsTargets = schema.labels.findIndex((l) => l.layer === 'STANCE' || (l.layer === 'DOCUMENT' && l.perTarget));
  if (needsTargets >= 0 && schema.targets.length === 0) {
    issues.push({ path: ['targets'], message: `labels[${needsTargets}] (${schema.labels[needsTargets]!.key}) needs stance targets, but targets is empty` });
  }
  const targetKeys = new Set<string>();
  schema.targets.forEach((target, i) => {
    if (targetKeys.has(target.key)) issues.push({ path: ['targets', i, 'key'], message: `duplicate target key ${target.key}` });
    targetKeys.add(target.key);
  });
  return issues;
}
