import type { ApiRequest } from '../http/api.js';
import type { IdempotentResult, StoredOutcome } from '../http/idempotency.js';
import { articleResponse } from '../http/responses.js';
import type { Article } from '../domain/article.js';
import { readArticle, type ReadDeps } from '../usecases/articles.js';

const location = (id: string) => ({ location: `/articles/${id}` });

/** An article answer, with the outcome an Idempotency-Key keeps of it. */
export function articleResult(req: ApiRequest, article: Article, statusCode = 200): IdempotentResult {
  return {
    response: articleResponse(req.actor, article, statusCode, statusCode === 201 ? location(article.id) : {}),
    outcome: { statusCode, articleId: article.id, version: article.version },
  };
}

/**
 * A retry's answer: the article as it is now, read as any request reads it, so a caller who
 * may no longer see it gets 404. When it has moved on since (a later edit or transition), the
 * retry still gets the first request's status, with the article as stored and its current
 * ETag: the write it asks about did happen, and a client acts next on what is there now.
 */
export const replayArticle = (deps: ReadDeps) => async (req: ApiRequest, outcome: StoredOutcome) => {
  const article = await readArticle(deps, req.actor, outcome.articleId);
  return articleResponse(req.actor, article, outcome.statusCode, outcome.statusCode === 201 ? location(article.id) : {});
};
