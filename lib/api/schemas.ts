import { z } from 'zod';
import { LAYERS } from '@/lib/schema/types';
import { ROLES } from '@/lib/access/policy';
import { PRESETS } from '@/lib/schema/presets';

/** Wire shapes shared by the endpoints; they are also what /api/v1/openapi.json publishes. */
export const id = z.string().min(1).max(64);
export const idParams = z.object({ id }).strict();
const role = z.enum(ROLES);
const presetId = z.enum(PRESETS.map((p) => p.id) as [string, ...string[]]);
export const timestamp = z
  .date()
  .transform((d) => d.toISOString())
  .pipe(z.string());

const projectSettings = z.object({
  annotatorsPerDocument: z.number().int().min(1).max(20),
  blindMode: z.boolean(),
  allowOverlap: z.boolean(),
  snapToWords: z.boolean(),
  showGoldToAnnotators: z.boolean(),
  allowSelfAssignment: z.boolean().describe('annotators may take on documents not assigned to them (default false)'),
  license: z.string().max(200),
});

const projectFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000),
  guidelines: z.string().max(200_000),
};

export const projectCreate = z
  .object({ ...projectFields, preset: presetId.optional() })
  .extend(projectSettings.partial().shape)
  .partial({ description: true, guidelines: true })
  .strict();

export const projectUpdate = z.object(projectFields).extend(projectSettings.shape).partial().strict();

export const project = z.object({
  id,
  ...projectFields,
  ...projectSettings.shape,
  role: role.describe("the caller's role"),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const member = z.object({
  id,
  role,
  createdAt: timestamp,
  user: z.object({ id, email: z.string().nullable().describe('null for other members when the caller annotates in blind mode'), name: z.string() }),
});

export const memberAdd = z.object({ email: z.email().max(320), role }).strict();
export const memberUpdate = z.object({ role }).strict();
export const memberParams = z.object({ id, userId: id }).strict();

export const invitationCreate = z.object({ email: z.email().max(320), role }).strict();
export const invitationParams = z.object({ id, invitationId: id }).strict();
export const invitation = z.object({ id, email: z.string(), role, createdAt: timestamp, expiresAt: timestamp });
export const receivedInvitation = invitation.extend({
  project: z.object({ id, name: z.string() }),
  invitedBy: z.string().nullable().describe('the inviter’s name; null when that account was deleted'),
});
export const acceptedInvitation = z.object({ projectId: id, role });

const schemaLabel = z.object({
  id,
  layer: z.enum(LAYERS),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  color: z.string(),
  hotkey: z.string().nullable(),
  position: z.number().int(),
  retired: z.boolean(),
  sourceTypes: z.array(z.string()),
  targetTypes: z.array(z.string()),
  options: z.array(z.object({ key: z.string(), name: z.string() })),
  multiple: z.boolean(),
  perTarget: z.boolean(),
});
const schemaTarget = z.object({ id, key: z.string(), name: z.string(), aliases: z.array(z.string()), position: z.number().int(), retired: z.boolean() });
export const labelSchema = z.object({ labels: z.array(schemaLabel), targets: z.array(schemaTarget) });

export const tokenCreate = z.object({ name: z.string().trim().min(1).max(100), expiresAt: z.iso.datetime().optional() }).strict();
export const apiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  expiresAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export const createdToken = apiToken.extend({ token: z.string().describe('shown once; only its hash is stored') });
