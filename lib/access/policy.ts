import type { Role } from '@/lib/generated/prisma/enums';

/**
 * What each project role may do (docs/ARCHITECTURE.md §5). Pure data, so the table-driven
 * authorization test and the UI (which buttons to show) read the same rules.
 */
export type ProjectAction =
  | 'project:read'
  | 'project:update'
  | 'project:delete'
  | 'members:read'
  | 'members:manage'
  | 'schema:read'
  | 'schema:write'
  | 'documents:read'
  | 'documents:write'
  | 'assignments:manage'
  | 'annotations:write'
  | 'comments:write'
  | 'comments:moderate'
  | 'suggestions:read'
  | 'suggestions:decide'
  | 'work:read-others'
  | 'work:reopen'
  | 'gold:write'
  | 'agreement:read'
  | 'export'
  | 'recommenders:read'
  | 'recommenders:manage';

// Suggestions are read and decided by whoever annotates: each for their own layer (gold needs gold:write).
// Every member may see which recommenders exist and where they send document text; only managers configure and run them.
const ANNOTATOR: ProjectAction[] = [
  'project:read',
  'members:read',
  'schema:read',
  'documents:read',
  'annotations:write',
  'comments:write',
  'suggestions:read',
  'suggestions:decide',
  'recommenders:read',
];
// Reopening someone's submitted work (or one's own after seeing gold) is a curator's decision;
// so is deleting someone else's comment on a document's thread.
const CURATOR: ProjectAction[] = [...ANNOTATOR, 'work:read-others', 'work:reopen', 'gold:write', 'agreement:read', 'export', 'comments:moderate'];
const MANAGER: ProjectAction[] = [
  ...CURATOR,
  'project:update',
  'members:manage',
  'schema:write',
  'documents:write',
  'assignments:manage',
  'recommenders:manage',
];
const OWNER: ProjectAction[] = [...MANAGER, 'project:delete'];

const PERMISSIONS: Record<Role, ReadonlySet<ProjectAction>> = {
  OWNER: new Set(OWNER),
  MANAGER: new Set(MANAGER),
  CURATOR: new Set(CURATOR),
  ANNOTATOR: new Set(ANNOTATOR),
};

export const ROLES = ['OWNER', 'MANAGER', 'CURATOR', 'ANNOTATOR'] as const satisfies readonly Role[];

export function can(role: Role, action: ProjectAction): boolean {
  return PERMISSIONS[role].has(action);
}

/**
 * Blind mode: annotators see only their own work until a manager lifts it.
 * Curators and above always see everyone's work, which is what review needs.
 */
export function canSeeOthersWork(role: Role, project: { blindMode: boolean }): boolean {
  return can(role, 'work:read-others') || !project.blindMode;
}

/** Only owners may grant, change or remove the OWNER role; managers handle everyone else. */
export function mayTouchRole(actor: Role, role: Role): boolean {
  return actor === 'OWNER' || role !== 'OWNER';
}
