import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { reviewAgreement } from '@/lib/export/agreement';
import { projectBaseUrl, requestOrigin } from '@/lib/export/base-url';
import { FORMAT_INFO } from '@/lib/export/options';
import { exportProject } from '@/lib/export/run';
import * as contract from '@/lib/api/contracts/export';

export const TOTAL_DOCUMENTS_HEADER = 'x-glossa-total-documents';

export const exportEndpoint = defineEndpoint({
  ...contract.exportDataset,
  async handle({ db, caller, params, query, request }) {
    await authorizeProject(db, caller, params.id, 'export');
    const url = new URL(request.url);
    const result = await exportProject(db, params.id, {
      ...query,
      baseUrl: projectBaseUrl(params.id, requestOrigin(request)),
      agreement: reviewAgreement,
      signal: request.signal,
    });
    const isData = query.format in FORMAT_INFO;
    const headers = new Headers({
      'content-type': result.contentType,
      // A card is a page to read; data is a file to save.
      'content-disposition': `${isData ? 'attachment' : 'inline'}; filename="${result.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [TOTAL_DOCUMENTS_HEADER]: String(result.totalDocuments),
    });
    if (isData && !FORMAT_INFO[result.dataFormat].archive) {
      const card = new URL(url);
      card.searchParams.set('format', 'card');
      card.searchParams.set('of', result.dataFormat);
      headers.set('link', `<${card.pathname}${card.search}>; rel="describedby"; type="text/markdown"`);
    }
    return new Response(result.stream, { headers });
  },
});

export const exportEndpoints = [exportEndpoint];
