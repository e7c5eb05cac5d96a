import type { PrismaClient } from '@/lib/db/client';
import type { ExcludedWork } from '../input';
import { withExcluded } from '../excluded';
import { loadReportInput, type AfterGold, type DocumentScope } from '../load';
import { loadModels, type ModelSelection } from '../load-models';
import { withModels } from '../model-coders';
import { agreementReport, withMessage, type AgreementReport, type ReportOptions } from '../report';
import { METHODS_MEDIA_TYPES, renderMethods, type MethodsFormat } from './render';

export type ProjectReport = AgreementReport & { excluded: ExcludedWork };

/** What a report is asked for: which documents, how it is computed, and whether after-gold work and model runs count. */
export interface ReportRequest {
  scope: DocumentScope;
  options: ReportOptions;
  afterGold?: AfterGold;
  models?: ModelSelection;
}

/** The project's report as the API, the page and the CLI give it, with the work it left out (after-gold) beside it. */
export async function projectReport(db: PrismaClient, projectId: string, request: ReportRequest): Promise<ProjectReport> {
  const { scope, options, afterGold = 'exclude', models = 'none' } = request;
  const [input, work] = await Promise.all([loadReportInput(db, projectId, scope, { afterGold }), loadModels(db, projectId, models)]);
  return withExcluded(withMessage(agreementReport(withModels(input, work), options)), input.excluded);
}

/** The methods export of a project's report: its text, media type and a file name. */
export async function methodsExport(db: PrismaClient, projectId: string, request: ReportRequest, format: MethodsFormat) {
  const [project, report] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    projectReport(db, projectId, request),
  ]);
  const { type, extension } = METHODS_MEDIA_TYPES[format];
  return { text: renderMethods(report, format, project.name), type, filename: `agreement-${request.scope}.${extension}` };
}
