import { accountEndpoints } from './endpoints/account';
import { agreementEndpoint, agreementMethodsEndpoint } from './endpoints/agreement';
import { annotationEndpoints } from './endpoints/annotations';
import { assignmentEndpoints } from './endpoints/assignment';
import { commentEndpoints } from './endpoints/comments';
import { dashboardEndpoint } from './endpoints/dashboard';
import { documentEndpoints } from './endpoints/documents';
import { exportEndpoints } from './endpoints/export';
import { invitationEndpoints } from './endpoints/invitations';
import { documentEventsEndpoint } from './endpoints/live';
import { memberEndpoints } from './endpoints/members';
import { projectEndpoints } from './endpoints/projects';
import { recommenderEndpoints } from './endpoints/recommenders';
import { reviewEndpoints } from './endpoints/review';
import { schemaEndpoints } from './endpoints/schema';
import { suggestionEndpoints } from './endpoints/suggestions';
import { searchEndpoint } from './endpoints/search';
import { tokenEndpoints } from './endpoints/tokens';
import type { AnyEndpoint } from './endpoint';

/** Every /api/v1 operation; the OpenAPI document and the authorization test walk this list. */
export const ENDPOINTS: readonly AnyEndpoint[] = [
  ...projectEndpoints,
  ...memberEndpoints,
  ...invitationEndpoints,
  ...schemaEndpoints,
  ...documentEndpoints,
  searchEndpoint,
  ...annotationEndpoints,
  ...commentEndpoints,
  ...assignmentEndpoints,
  dashboardEndpoint,
  agreementEndpoint,
  agreementMethodsEndpoint,
  ...reviewEndpoints,
  documentEventsEndpoint,
  ...tokenEndpoints,
  ...accountEndpoints,
  ...exportEndpoints,
  ...suggestionEndpoints,
  ...recommenderEndpoints,
];
