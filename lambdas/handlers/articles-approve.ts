import { httpApi } from '../http/api.js';
import { transitionRoute } from './transition-route.js';

/** The chief editor's routes: the only function that may approve, schedule or publish. */
export const handler = httpApi({
  'POST /articles/{id}/approve': transitionRoute('approve'),
  'POST /articles/{id}/schedule': transitionRoute('schedule'),
  'POST /articles/{id}/unschedule': transitionRoute('unschedule'),
  'POST /articles/{id}/publish': transitionRoute('publish'),
});
