import type { DbClient } from '@/lib/db/client';
import type { LearnedForm } from './types';

/**
 * What string-match learns from, honouring blind work: gold always; outside blind mode every
 * annotator's spans; in blind mode only the requesting annotator's own, marked `forUserId` so
 * the suggestions made from them are shown to that annotator alone. A batch run in blind mode
 * has no annotator to learn for and learns from gold only.
 */
export async function loadLearned(db: DbClient, projectId: string, blindMode: boolean, forUserId: string | null): Promise<LearnedForm[]> {
  const rows = await db.$queryRaw<{ quote: string; label: string; target: string | null; authorId: string | null }[]>`
    SELECT DISTINCT a.quote, l.key AS label, t.key AS target,
      CASE WHEN a."authorId" IS NULL OR NOT ${blindMode} THEN NULL ELSE a."authorId" END AS "authorId"
    FROM "Annotation" a
    JOIN "Document" d ON d.id = a."documentId" AND d."deletedAt" IS NULL
    JOIN "Label" l ON l.id = a."labelId"
    LEFT JOIN "Target" t ON t.id = a."targetId"
    WHERE d."projectId" = ${projectId} AND a."deletedAt" IS NULL AND l.retired = false
      AND (a."authorId" IS NULL OR NOT ${blindMode} OR a."authorId" = ${forUserId})`;
  return rows.map((r) => ({ text: r.quote, label: r.label, target: r.target, forUserId: r.authorId }));
}

/** Each surface form's acceptance rate so far among this recommender's decided suggestions. */
export async function loadAcceptance(db: DbClient, recommenderId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRaw<{ quote: string; rate: number }[]>`
    SELECT s.quote, AVG(CASE WHEN sd.status = 'ACCEPTED' THEN 1.0 ELSE 0.0 END)::float8 AS rate
    FROM "SuggestionDecision" sd JOIN "Suggestion" s ON s.id = sd."suggestionId"
    WHERE s."recommenderId" = ${recommenderId} AND s.start IS NOT NULL
    GROUP BY s.quote`;
  return new Map(rows.map((r) => [r.quote, r.rate]));
}
