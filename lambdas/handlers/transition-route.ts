import type { Route } from '../http/api.js';
import { idempotent } from '../http/idempotency.js';
import { articleDeps as deps } from '../store/clients.js';
import { idempotencyStore } from '../store/idempotency-client.js';
import { transitionArticle } from '../usecases/articles.js';
import type { Action } from '../domain/workflow.js';
import { articleResult, replayArticle } from './replay.js';

/** A workflow route: the action named in the path, applied by the shared use case; retries with an Idempotency-Key replay. */
export const transitionRoute = (action: Exclude<Action, 'edit'>): Route =>
  idempotent(
    idempotencyStore,
    `POST /articles/{id}/${action}`,
    async (req) => articleResult(req, await transitionArticle(deps, req.actor, req.params.id!, action, req.input, req.header('if-match'))),
    replayArticle,
  );
