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
// What GET adds to each item, accepted so that a script can GET, edit and PUT back:
// `id` must name the stored item with that key (a key cannot be renamed), `position`
// is informational (the list order decides), and `retired: true` keeps an item retired.
const stored = {
  id: z.string().min(1).max(64).optional(),
  position: z.number().int().optional(),
  retired: z.boolean().optional(),
};

const labelDefinition = z
  .object({
    layer: z.enum(LAYERS),
    key,
    name: z.string().trim().min(1).max(120),
    description: z.string().max(4000).default(''),
    color: color.default('#888888'),
    hotkey: hotkey.nullable().optional(),
    sourceTypes: z.array(key).max(100).optional(),
    targetTypes: z.array(key).max(100).optional(),
    options: z
      .array(z.object({ key, name: z.string().trim().min(1).max(120) }).strict())
      .max(100)
      .optional(),
    multiple: z.boolean().optional(),
    perTarget: z.boolean().optional(),
    ...stored,
  })
  .strict();

const targetDefinition = z
  .object({
    key,
    name: z.string().trim().min(1).max(200),
    aliases: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    ...stored,
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

const COMPARED = 'names are compared ignoring case and spacing';

/**
 * The form in which two names count as the same: "Afghan  Taliban" and "afghan taliban" look alike
 * in a picker, so they may not name two different items.
 */
export function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');
}

interface Issue {
  path: (string | number)[];
  message: string;
}

function crossFieldIssues(schema: SchemaDefinition): Issue[] {
  const issues: Issue[] = [];
  const seenKeys = new Map<string, number>();
  const seenHotkeys = new Map<string, number>();
  // Names are what annotators pick from, so two active labels of a layer (or two
  // active targets) may not differ only in case; a retired one may share its
  // successor's name.
  const seenNames = new Map<string, number>();
  const entityKeys = new Set(schema.labels.filter((l) => l.layer === 'ENTITY').map((l) => l.key));

  schema.labels.forEach((label, i) => {
    const id = `${label.layer}:${label.key}`;
    const duplicateKey = seenKeys.has(id);
    if (duplicateKey) {
      issues.push({ path: ['labels', i, 'key'], message: `duplicate key ${label.key} in layer ${label.layer} (also labels[${seenKeys.get(id)}])` });
    } else seenKeys.set(id, i);
    if (label.retired && label.hotkey) {
      issues.push({ path: ['labels', i, 'hotkey'], message: 'a retired label has no hotkey; send null or leave it out' });
    } else if (label.hotkey) {
      if (seenHotkeys.has(label.hotkey)) {
        issues.push({ path: ['labels', i, 'hotkey'], message: `hotkey "${label.hotkey}" is already used by labels[${seenHotkeys.get(label.hotkey)}]` });
      } else seenHotkeys.set(label.hotkey, i);
    }
    // A repeated key already explains a repeated name.
    if (!label.retired && !duplicateKey) {
      const name = `${label.layer}:${comparableName(label.name)}`;
      if (seenNames.has(name)) {
        issues.push({
          path: ['labels', i, 'name'],
          message: `duplicate name "${label.name}" in layer ${label.layer} (also labels[${seenNames.get(name)}]; ${COMPARED})`,
        });
      } else seenNames.set(name, i);
    }
    // GET answers every field for every label, with neutral values where a field does
    // not apply (false, [], null); those are accepted, anything else is an error.
    const misplaced = (field: 'sourceTypes' | 'targetTypes' | 'options' | 'multiple' | 'perTarget', layer: string) => {
      const value = label[field];
      const neutral = value === undefined || value === false || (Array.isArray(value) && value.length === 0);
      if (!neutral && label.layer !== layer) {
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

  const activeTargets = schema.targets.filter((target) => !target.retired);
  const needsTargets = schema.labels.findIndex((l) => !l.retired && (l.layer === 'STANCE' || (l.layer === 'DOCUMENT' && l.perTarget)));
  if (needsTargets >= 0 && activeTargets.length === 0) {
    const which = schema.targets.length === 0 ? 'targets is empty' : 'every target is retired';
    issues.push({ path: ['targets'], message: `labels[${needsTargets}] (${schema.labels[needsTargets]!.key}) needs stance targets, but ${which}` });
  }
  const targetKeys = new Map<string, number>();
  const targetNames = new Map<string, number>();
  schema.targets.forEach((target, i) => {
    if (targetKeys.has(target.key)) {
      issues.push({ path: ['targets', i, 'key'], message: `duplicate target key ${target.key} (also targets[${targetKeys.get(target.key)}])` });
      return;
    }
    targetKeys.set(target.key, i);
    if (target.retired) return;
    const name = comparableName(target.name);
    if (targetNames.has(name)) {
      issues.push({ path: ['targets', i, 'name'], message: `duplicate target name "${target.name}" (also targets[${targetNames.get(name)}]; ${COMPARED})` });
    } else targetNames.set(name, i);
  });
  return issues;
}
