/**
 * A span accepted from a suggestion records where it came from in its `sourceIds`, as
 * `suggestion:<id>`, `run:<id>`, `recommender:<id>`. Not in `attributes`: those are the
 * annotator's to edit (an update replaces them whole) and are exported as their content,
 * while `sourceIds` is written only by the server, survives every later edit and is already
 * the provenance column export and adjudication carry. The prefixes keep these ids apart from
 * the span ids adjudication stores there.
 */
export interface SuggestionSource {
  id: string;
  runId: string;
  recommenderId: string;
}

export function suggestionSourceIds(suggestion: SuggestionSource): string[] {
  return [`suggestion:${suggestion.id}`, `run:${suggestion.runId}`, `recommender:${suggestion.recommenderId}`];
}
