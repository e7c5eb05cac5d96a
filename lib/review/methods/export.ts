import type { PrismaClient } from '@/lib/db/client';
import type { ExcludedWork } from '../input';
import { withExcluded } from '../excluded';
import { loadReportInput, type AfterGold, type DocumentScope } from '../load';
import { agreementReport, withMessage, type AgreementReport, type ReportOptions } from '../report';
import { METHODS_MEDIA_TYPES, renderMethods, type MethodsFormat } from './render';

export type ProjectReport = AgreementReport & { excluded: ExcludedWork };

/** The project's report as the API, the page and the CLI give it, with the work it left out (after-gold) beside it. */
export async function projectReport(db: PrismaClient, projectId: string, scope: DocumentScope, options: ReportOptions, afterGold: AfterGold = 'exclude'): Promise<ProjectReport> {
  const input = await loadReportInput(db, projectId, scope, { afterGold });
  return withExcluded(withMessage(agreementReport(input, options)), input.excluded);
}

/** The methods export of a project's report: its text, media type and a file name. */
export async function methodsExport(db: PrismaClient, projectId: string, scope: DocumentScope, options: ReportOptions, format: MethodsFormat, afterGold: AfterGold = 'exclude') {
  const [project, report] = await Promise.all([db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }), projectReport(db, projectId, scope, options, afterGold)]);
  const { type, extension } = METHODS_MEDIA_TYPES[format];
  return { text: renderMethods(report, format, project.name), type, filename: `agreement-${scope}.${extension}` };
}
