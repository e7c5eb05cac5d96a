import { agreementSummary } from '@/lib/review/summary';
import type { AgreementProvider } from './card';

/**
 * The review module's agreement figures as dataset card rows. Coefficients that are undefined
 * for the data (nothing double-annotated, no variation) are left out rather than shown as
 * numbers, and a project with nothing compared (and nothing left out) gets no agreement section at all.
 */
export const reviewAgreement: AgreementProvider = async (db, projectId) => {
  const summary = await agreementSummary(db, projectId);
  if (summary.documents === 0 && summary.afterGoldLeftOut === 0) return undefined;
  const figures: Record<string, number> = {
    'documents compared (submitted by all their annotators)': summary.documents,
    'annotators compared': summary.annotators,
  };
  if (summary.afterGoldLeftOut > 0) figures['annotator × document pairs left out (changed after gold was shown to the annotator)'] = summary.afterGoldLeftOut;
  for (const [layer, value] of Object.entries(summary.tokenAlpha)) if (value !== null) figures[`Krippendorff's α over tokens, ${layer}`] = value;
  for (const [layer, value] of Object.entries(summary.unitizingAlpha)) if (value !== null) figures[`Krippendorff's α_u (unitizing), ${layer}`] = value;
  return figures;
};
