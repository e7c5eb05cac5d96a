/**
 * A span accepted from a suggestion records where it came from in its `sourceIds`, as
 * `suggestion:<id>`, `run:<id>`, `recommender:<id>`. Not in `attributes`: those are the
 * annotator's to edit (an update replaces them whole) and are exported as their content,
 * while `sourceIds` is written only by the server, survives every later edit and is already
 * the provenance column (adjudication keeps the annotators' span ids there; the API returns it
 * with every span). The prefixes keep these ids apart from those span ids.
 */
export interface SuggestionSource {
  id: string;
  runId: string;
  recommenderId: string;
}

export function suggestionSourceIds(suggestion: SuggestionSource): string[] {
  return [`suggestion:${suggestion.id}`, `run:${suggestion.runId}`, `recommender:${suggestion.recommenderId}`];
}
