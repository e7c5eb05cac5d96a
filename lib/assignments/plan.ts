/**
 * Round-robin assignment as a pure function: every document gets `perDocument`
 * distinct annotators (counting the ones it already has), always choosing the
 * least-loaded annotators first so work stays balanced; ties go in the given order.
 */
interface PlanInput {
  documentIds: string[];
  annotatorIds: string[];
  perDocument: number;
  /** Existing assignments, which count towards both the document's quota and the annotator's load. */
  existing: { documentId: string; userId: string }[];
}

export function planRoundRobin({ documentIds, annotatorIds, perDocument, existing }: PlanInput): { documentId: string; userId: string }[] {
  const load = new Map(annotatorIds.map((id) => [id, 0]));
  const assigned = new Map<string, Set<string>>();
  for (const { documentId, userId } of existing) {
    if (load.has(userId)) load.set(userId, load.get(userId)! + 1);
    if (!assigned.has(documentId)) assigned.set(documentId, new Set());
    assigned.get(documentId)!.add(userId);
  }
  const order = new Map(annotatorIds.map((id, i) => [id, i]));
  const plan: { documentId: string; userId: string }[] = [];
  for (const documentId of documentIds) {
    const already = assigned.get(documentId) ?? new Set<string>();
    const candidates = annotatorIds.filter((id) => !already.has(id)).sort((a, b) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!);
    for (const userId of candidates.slice(0, Math.max(0, perDocument - already.size))) {
      plan.push({ documentId, userId });
      load.set(userId, load.get(userId)! + 1);
    }
  }
  return plan;
}
