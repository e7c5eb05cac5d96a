import type { z } from 'zod';
import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { methodsExport, projectReport } from '@/lib/review/methods/export';
import { batching, intervalOptions, modelSelection } from '@/lib/review/report-options';
import * as contract from '@/lib/api/contracts/agreement';

const request = (query: z.output<typeof contract.agreement.query>) => ({
  scope: query.scope,
  options: { intervals: intervalOptions(query), batching: batching(query) },
  afterGold: query.afterGold,
  models: modelSelection(query),
});

export const agreementEndpoint = defineEndpoint({
  ...contract.agreement,
  async handle({ db, caller, params, query }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    return projectReport(db, params.id, request(query));
  },
});

export const agreementMethodsEndpoint = defineEndpoint({
  ...contract.agreementMethods,
  async handle({ db, caller, params, query }) {
    await authorizeProject(db, caller, params.id, 'agreement:read');
    const { text, type, filename } = await methodsExport(db, params.id, request(query), query.format);
    return new Response(text, { headers: { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` } });
  },
});
