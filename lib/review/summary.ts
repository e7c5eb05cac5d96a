import type { PrismaClient } from '@/lib/db/client';
import { loadReportInput } from './load';
import { agreementReport } from './report';

/** The headline figures for dataset cards: α per layer over submitted work. */
export async function agreementSummary(db: PrismaClient, projectId: string) {
  const report = agreementReport(await loadReportInput(db, projectId));
  return {
    documents: report.scope.documents,
    annotators: report.scope.annotators.length,
    tokenAlpha: Object.fromEntries(Object.entries(report.layers).map(([layer, r]) => [layer, r.tokenAlpha.value])),
    unitizingAlpha: Object.fromEntries(Object.entries(report.layers).map(([layer, r]) => [layer, r.unitizingAlpha.value])),
  };
}
