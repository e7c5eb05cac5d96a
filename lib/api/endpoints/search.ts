import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { concordance } from '@/lib/search/concordance';
import * as contract from '@/lib/api/contracts/search';

export const searchEndpoint = defineEndpoint({
  ...contract.search,
  async handle({ db, caller, params, query }) {
    const access = await authorizeProject(db, caller, params.id, 'documents:read');
    return concordance(db, { projectId: params.id, userId: caller.userId, ownOnly: !access.seesOthersWork, ...query });
  },
});
