import type { SchemaLabelView, SchemaView } from './types';

/** What a recommender may suggest: its layers and labels (empty lists allow all), active labels only. */
export interface Scope {
  layers: readonly string[];
  labels: readonly string[];
}

export function inScope(label: { key: string; layer: string }, scope: Scope): boolean {
  return (scope.layers.length === 0 || scope.layers.includes(label.layer)) && (scope.labels.length === 0 || scope.labels.includes(label.key));
}

export function scopedLabels(schema: SchemaView, scope: Scope): { spanLabels: SchemaLabelView[]; questions: SchemaLabelView[] } {
  const active = schema.labels.filter((l) => !l.retired && inScope(l, scope));
  return {
    spanLabels: active.filter((l) => l.layer === 'ENTITY' || l.layer === 'STANCE' || l.layer === 'FRAME'),
    questions: active.filter((l) => l.layer === 'DOCUMENT'),
  };
}
