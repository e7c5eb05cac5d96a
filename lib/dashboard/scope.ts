/**
 * Whose work the dashboard counts. Curators and managers, and everyone when the project is not
 * blind, see all annotators and gold; a blind annotator sees their own work and nothing of others'
 * (not gold either, which would show them the adjudicated answer).
 */
export type DashboardScope = { kind: 'all' } | { kind: 'own'; userId: string };

export function dashboardScope(viewer: { userId: string; seesOthersWork: boolean }): DashboardScope {
  return viewer.seesOthersWork ? { kind: 'all' } : { kind: 'own', userId: viewer.userId };
}
