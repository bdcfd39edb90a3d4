import { httpApi } from '../http/api.js';
import { REVIEW_INPUTS } from '../usecases/articles.js';
import { transitionRoute } from './transition-route.js';

/** The review desk: reporters submit and withdraw, editors send drafts back. */
export const handler = httpApi({
  'POST /articles/{id}/submit': transitionRoute('submit', REVIEW_INPUTS),
  'POST /articles/{id}/withdraw': transitionRoute('withdraw', REVIEW_INPUTS),
  'POST /articles/{id}/request-changes': transitionRoute('request-changes', REVIEW_INPUTS),
});
