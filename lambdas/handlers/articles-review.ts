import { httpApi } from '../http/api.js';
import { transitionRoute } from './transition-route.js';

/** The review desk: reporters submit and withdraw, editors send drafts back. */
export const handler = httpApi({
  'POST /articles/{id}/submit': transitionRoute('submit'),
  'POST /articles/{id}/withdraw': transitionRoute('withdraw'),
  'POST /articles/{id}/request-changes': transitionRoute('request-changes'),
});
