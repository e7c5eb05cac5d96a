import type { Role } from '@/lib/generated/prisma/enums';
import { mayTouchRole, ROLES } from '@/lib/access/policy';

export const ROLE_NAMES: Record<Role, string> = {
  OWNER: 'Owner',
  MANAGER: 'Manager',
  CURATOR: 'Curator',
  ANNOTATOR: 'Annotator',
};

export const ROLE_SUMMARIES: Record<Role, string> = {
  OWNER: 'Everything a manager can do, plus deleting the project and managing owners.',
  MANAGER: 'Edits settings, the label schema and documents; manages members and assignments.',
  CURATOR: 'Reviews everyone’s work, reopens submitted work, adjudicates the gold layer, reads agreement and exports.',
  ANNOTATOR: 'Annotates the documents assigned to them and reads the guidelines.',
};

/**
 * Only owners may grant, change or remove the OWNER role (enforced by the API);
 * the UI offers nothing the API would refuse.
 */
export function rolesAssignableBy(actor: Role): readonly Role[] {
  return ROLES.filter((role) => mayTouchRole(actor, role));
}

export const mayChangeMember = mayTouchRole;
