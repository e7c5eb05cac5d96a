import { authorizeDocument, authorizeProject } from '@/lib/access/project-access';
import { defineEndpoint } from '@/lib/api/endpoint';
import { acceptIntoGold, autoAccept, setAdjudicated } from '@/lib/review/adjudication';
import { reviewQueue, reviewView } from '@/lib/review/view';
import * as contract from '@/lib/api/contracts/review';

export const reviewDocument = defineEndpoint({
  ...contract.reviewDocument,
  async handle({ db, caller, params }) {
    await authorizeDocument(db, caller, params.id, 'work:read-others');
    return reviewView(db, params.id);
  },
});

export const acceptGold = defineEndpoint({
  ...contract.acceptGold,
  async handle({ db, caller, params, body }) {
    const access = await authorizeDocument(db, caller, params.id, 'gold:write');
    return acceptIntoGold(db, { userId: caller.userId, access }, params.id, body);
  },
});

export const autoAcceptGold = defineEndpoint({
  ...contract.autoAcceptGold,
  async handle({ db, caller, params, body }) {
    const access = await authorizeProject(db, caller, params.id, 'gold:write');
    return autoAccept(db, { userId: caller.userId, access }, params.id, body);
  },
});

export const finishReview = defineEndpoint({
  ...contract.finishReview,
  async handle({ db, caller, params, body }) {
    const access = await authorizeDocument(db, caller, params.id, 'gold:write');
    return setAdjudicated(db, { userId: caller.userId, access }, params.id, body.adjudicated);
  },
});

export const reviewQueueEndpoint = defineEndpoint({
  ...contract.reviewQueue,
  async handle({ db, caller, params, query }) {
    await authorizeProject(db, caller, params.id, 'work:read-others');
    return { items: await reviewQueue(db, params.id, query.status, query.minDisagreement), nextCursor: null };
  },
});

export const reviewEndpoints = [reviewDocument, acceptGold, autoAcceptGold, finishReview, reviewQueueEndpoint];
