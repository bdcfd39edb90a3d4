import type { Route } from '../http/api.js';
import { idempotent } from '../http/idempotency.js';
import { workflowDeps as deps } from '../store/clients.js';
import { appliedKeys, idempotencyStore } from '../store/idempotency-client.js';
import { applyTransition, type TransitionInput } from '../usecases/articles.js';
import type { Action } from '../domain/workflow.js';
import { articleResult, replayArticle } from './replay.js';

/** A workflow route: the action named in the path, applied by the shared use case; retries with an Idempotency-Key replay. */
export const transitionRoute = <A extends Exclude<Action, 'edit'>>(
  action: A,
  inputs: Record<A, (raw: unknown, now: Date) => TransitionInput>,
): Route =>
  idempotent(
    idempotencyStore,
    `POST /articles/{id}/${action}`,
    async (req, key) => {
      const readInput = (now: Date) => inputs[action](req.input() ?? {}, now);
      return articleResult(req, await applyTransition(deps, req.actor, req.params.id!, action, readInput, req.header('if-match'), key));
    },
    replayArticle(deps),
    appliedKeys,
  );
