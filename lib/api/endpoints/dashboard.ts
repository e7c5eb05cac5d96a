import { authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import * as contract from '@/lib/api/contracts/dashboard';
import { projectDashboard } from '@/lib/dashboard/dashboard';

export const dashboardEndpoint = defineEndpoint({
  ...contract.dashboard,
  async handle({ db, caller, params }) {
    const access = await authorizeProject(db, caller, params.id, 'project:read');
    return projectDashboard(db, params.id, { userId: caller.userId, seesOthersWork: access.seesOthersWork });
  },
});
