'use client';

import { createContext, useContext } from 'react';
import type { SchemaDraftApi } from './useSchemaDraft';

/** The editor's state for its rows and fields, which sit several components deep. */
export const SchemaEditorContext = createContext<SchemaDraftApi | null>(null);

export function useSchemaEditor(): SchemaDraftApi {
  const editor = useContext(SchemaEditorContext);
  if (!editor) throw new Error('useSchemaEditor needs a SchemaEditorContext provider (SchemaEditor renders it).');
  return editor;
}

/** Whether any problem is shown for a label or target, so its row opens to show it. */
export function itemHasProblems(fields: ReadonlyMap<string, string>, uid: string): boolean {
  for (const field of fields.keys()) if (field.startsWith(`${uid}.`)) return true;
  return false;
}
