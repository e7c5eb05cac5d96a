import type { PrismaClient } from '@/lib/db/client';
import type { ExcludedWork } from '../input';
import { withExcluded } from '../excluded';
import { loadReportInput, type AfterGold, type DocumentScope } from '../load';
import { loadModels, type ModelSelection } from '../load-models';
import { withModels } from '../model-coders';
import { agreementReport, withMessage, type AgreementReport, type ReportOptions } from '../report';
import { METHODS_MEDIA_TYPES, renderMethods, type MethodsFormat } from './render';

export type ProjectReport = AgreementReport & { excluded: ExcludedWork };

/** The project's report as the API, the page and the CLI give it, with the work it left out (after-gold) beside it. */
export async function projectReport(
  db: PrismaClient,
  projectId: string,
  scope: DocumentScope,
  options: ReportOptions,
  afterGold: AfterGold = 'exclude',
  models: ModelSelection = 'none',
): Promise<ProjectReport> {
  const [input, work] = await Promise.all([loadReportInput(db, projectId, scope, { afterGold }), loadModels(db, projectId, models)]);
  return withExcluded(withMessage(agreementReport(withModels(input, work), options)), input.excluded);
}

/** The methods export of a project's report: its text, media type and a file name. */
export async function methodsExport(
  db: PrismaClient,
  projectId: string,
  scope: DocumentScope,
  options: ReportOptions,
  format: MethodsFormat,
  afterGold: AfterGold = 'exclude',
  models: ModelSelection = 'none',
) {
  const [project, report] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { name: true } }),
    projectReport(db, projectId, scope, options, afterGold, models),
  ]);
  const { type, extension } = METHODS_MEDIA_TYPES[format];
  return { text: renderMethods(report, format, project.name), type, filename: `agreement-${scope}.${extension}` };
}
