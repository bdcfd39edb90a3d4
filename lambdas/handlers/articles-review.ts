import { httpApi } from '../http/api.js';
import { workflowDeps as deps } from '../store/clients.js';
import { REVIEW_INPUTS } from '../usecases/articles.js';
import { transitionRoute } from './transition-route.js';

/** The review desk: reporters submit, withdraw and spike their drafts, editors send them back or spike them. */
export const handler = httpApi({
  'POST /articles/{id}/submit': transitionRoute('submit', REVIEW_INPUTS, deps),
  'POST /articles/{id}/withdraw': transitionRoute('withdraw', REVIEW_INPUTS, deps),
  'POST /articles/{id}/request-changes': transitionRoute('request-changes', REVIEW_INPUTS, deps),
  'POST /articles/{id}/spike': transitionRoute('spike', REVIEW_INPUTS, deps),
  'POST /articles/{id}/unspike': transitionRoute('unspike', REVIEW_INPUTS, deps),
});
