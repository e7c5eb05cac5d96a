/**
 * Live updates travel through PostgreSQL NOTIFY, so every app instance on the same
 * database sees every change. Payloads stay small (ids only): clients refetch through
 * the API, which applies the usual authorization and blind-mode rules.
 */
export const CHANGES_CHANNEL = 'glossa_changes';
export const PRESENCE_CHANNEL = 'glossa_presence';

export interface ChangeNotice {
  documentId: string;
  /** Whose layers changed: user ids, or "gold". */
  authors: string[];
  actorId: string | null;
  entities: string[];
}

export function parseChange(payload: string | undefined): ChangeNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as ChangeNotice;
    return typeof value.documentId === 'string' && Array.isArray(value.authors) ? value : null;
  } catch {
    return null;
  }
}
