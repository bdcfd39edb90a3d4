import { httpApi } from '../http/api.js';
import { idempotent } from '../http/idempotency.js';
import { articleDeps as deps } from '../store/clients.js';
import { appliedKeys, idempotencyStore } from '../store/idempotency-client.js';
import { AFTERCARE_INPUTS, correctArticle } from '../usecases/articles.js';
import { articleResult, replayArticle } from './replay.js';
import { transitionRoute } from './transition-route.js';

/** After publication: the desk corrects; the chief editor unpublishes or kills. */
export const handler = httpApi({
  'POST /articles/{id}/correct': idempotent(
    idempotencyStore,
    'POST /articles/{id}/correct',
    async (req, key) => articleResult(req, await correctArticle(deps, req.actor, req.params.id!, req.input, req.header('if-match'), key)),
    replayArticle(deps),
    appliedKeys,
  ),
  'POST /articles/{id}/unpublish': transitionRoute('unpublish', AFTERCARE_INPUTS, deps),
  'POST /articles/{id}/kill': transitionRoute('kill', AFTERCARE_INPUTS, deps),
});
