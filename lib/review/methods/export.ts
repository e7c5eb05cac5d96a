import type { PrismaClient } from '@/lib/db/client';
import { loadReportInput, type DocumentScope } from '../load';
import { agreementReport, withMessage, type AgreementReport, type ReportOptions } from '../report';
import { METHODS_MEDIA_TYPES, renderMethods, type MethodsFormat } from './render';

/** The project's report as the API, the page and the CLI give it. */
export async function projectReport(db: PrismaClient, projectId: string, scope: DocumentScope, options: ReportOptions): Promise<AgreementReport> {
  return withMessage(agreementReport(await loadReportInput(db, projectId, scope), options));
}

/** The methods export of a project's report: its text, media type and a file name. */
export async function methodsExport(db: PrismaClient, projectId: string, scope: DocumentScope, options: ReportOptions, format: MethodsFormat) {
  const [project, report] = await Promise.all([db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }), projectReport(db, projectId, scope, options)]);
  const { type, extension } = METHODS_MEDIA_TYPES[format];
  return { text: renderMethods(report, format, project.name), type, filename: `agreement-${scope}.${extension}` };
}
