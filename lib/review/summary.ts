import type { PrismaClient } from '@/lib/db/client';
import { loadReportInput } from './load';
import { agreementReport } from './report';

/** The headline figures for dataset cards: α per layer over submitted work, after-gold work left out (and counted). */
export async function agreementSummary(db: PrismaClient, projectId: string) {
  const input = await loadReportInput(db, projectId);
  const report = agreementReport(input);
  return {
    documents: report.scope.documents,
    annotators: report.scope.annotators.length,
    afterGoldLeftOut: input.excluded.afterGold.documentAnnotators,
    tokenAlpha: Object.fromEntries(Object.entries(report.layers).map(([layer, r]) => [layer, r.tokenAlpha.value])),
    unitizingAlpha: Object.fromEntries(Object.entries(report.layers).map(([layer, r]) => [layer, r.unitizingAlpha.value])),
  };
}
