import type { Route } from '../http/api.js';
import { articleResponse } from '../http/responses.js';
import { idempotent } from '../http/idempotency.js';
import { articleDeps as deps } from '../store/clients.js';
import { idempotencyStore } from '../store/idempotency-client.js';
import { transitionArticle } from '../usecases/articles.js';
import type { Action } from '../domain/workflow.js';

/** A workflow route: the action named in the path, applied by the shared use case; retries with an Idempotency-Key replay. */
export const transitionRoute = (action: Exclude<Action, 'edit'>): Route =>
  idempotent(idempotencyStore, `POST /articles/{id}/${action}`, async ({ actor, params, input, header }) =>
    articleResponse(actor, await transitionArticle(deps, actor, params.id!, action, input, header('if-match'))),
  );
