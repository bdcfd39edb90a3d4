import { httpApi } from '../http/api.js';
import { workflowDeps as deps } from '../store/clients.js';
import { APPROVAL_INPUTS } from '../usecases/articles.js';
import { transitionRoute } from './transition-route.js';

/** The chief editor's routes: the only function that may approve, schedule or publish. */
export const handler = httpApi({
  'POST /articles/{id}/approve': transitionRoute('approve', APPROVAL_INPUTS, deps),
  'POST /articles/{id}/schedule': transitionRoute('schedule', APPROVAL_INPUTS, deps),
  'POST /articles/{id}/unschedule': transitionRoute('unschedule', APPROVAL_INPUTS, deps),
  'POST /articles/{id}/publish': transitionRoute('publish', APPROVAL_INPUTS, deps),
});
