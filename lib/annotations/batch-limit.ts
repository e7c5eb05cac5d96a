/**
 * The most operations one batch (POST /documents/{id}/operations) may carry. It bounds how long
 * one transaction holds the document's lock; a longer batch is refused whole (413), and the
 * editor's queue never sends more than this in one request.
 */
export const MAX_BATCH_OPS = 200;
