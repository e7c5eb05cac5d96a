import { API_V1, apiFetch } from '@/components/api';
import { plural } from './format';

/** Requests of the adjudication workflow, shared by the queue's bulk panel and the document view. */

export interface AcceptedCounts {
  spans: number;
  relations: number;
  answers: number;
}

export interface AutoAcceptRequest {
  minAgreement: number;
  documentIds?: string[];
  onlyFullAgreement?: boolean;
  finish?: boolean;
}

export interface AutoAcceptResult extends AcceptedCounts {
  documents: number;
  finished: number;
  /** Items left out because they break an annotation rule; the first 1,000 are listed. */
  skipped: { count: number; items: { documentId: string; kind: string; id: string; reason: string }[] };
  /** (document, annotator) pairs not counted as votes: their work changed after gold was shown to them. */
  afterGoldLeftOut: number;
}

export function autoAccept(projectId: string, request: AutoAcceptRequest): Promise<AutoAcceptResult> {
  return apiFetch<AutoAcceptResult>(`${API_V1}/projects/${projectId}/gold/auto`, { method: 'POST', body: request });
}

export interface AcceptRequest {
  annotationIds?: string[];
  relationIds?: string[];
  answerIds?: string[];
}

/** Copies annotators' items into gold; idempotent, so accepting twice changes nothing. */
export function acceptIntoGold(documentId: string, request: AcceptRequest): Promise<AcceptedCounts> {
  return apiFetch<AcceptedCounts>(`${API_V1}/documents/${documentId}/gold`, { method: 'POST', body: request });
}

/** The fields of a gold span an edit needs (the API returns more). */
export interface GoldSpan {
  id: string;
  version: number;
  labelId: string;
  start: number;
  end: number;
  sourceIds: string[];
}

export async function listGoldSpans(documentId: string): Promise<GoldSpan[]> {
  return (await apiFetch<{ items: GoldSpan[] }>(`${API_V1}/documents/${documentId}/annotations?author=gold`)).items;
}

export function updateGoldSpan(span: GoldSpan, change: { labelId?: string; start?: number; end?: number }): Promise<GoldSpan> {
  return apiFetch<GoldSpan>(`${API_V1}/annotations/${span.id}`, { method: 'PATCH', body: { version: span.version, ...change } });
}

export function deleteGoldSpan(id: string): Promise<null> {
  return apiFetch(`${API_V1}/annotations/${id}`, { method: 'DELETE' });
}

export function deleteGoldRelation(id: string): Promise<null> {
  return apiFetch(`${API_V1}/relations/${id}`, { method: 'DELETE' });
}

export function setFinished(documentId: string, adjudicated: boolean): Promise<{ id: string; adjudicatedAt: string | null }> {
  return apiFetch(`${API_V1}/documents/${documentId}/review`, { method: 'PATCH', body: { adjudicated } });
}

export function describeAccepted({ spans, relations, answers }: AcceptedCounts): string {
  return `${plural(spans, 'span')}, ${plural(relations, 'relation')} and ${plural(answers, 'answer')}`;
}

export function describeAutoAccept(result: AutoAcceptResult): string {
  if (result.documents === 0) return 'No document qualified, so nothing changed.';
  const finished = result.finished > 0 ? ` ${plural(result.finished, 'document')} marked finished.` : '';
  const [first] = result.skipped.items;
  const skipped = first ? ` ${plural(result.skipped.count, 'item')} left out because they break an annotation rule, e.g. ${first.reason}` : '';
  const afterGold = result.afterGoldLeftOut > 0 ? ` Not counted as votes: ${plural(result.afterGoldLeftOut, 'annotator × document pair')} changed after gold was shown to the annotator.` : '';
  return `Processed ${plural(result.documents, 'document')}: ${describeAccepted(result)} newly accepted into gold.${finished}${skipped}${afterGold}`;
}
