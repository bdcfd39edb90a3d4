import { httpApi } from '../http/api.js';
import { articleResponse } from '../http/responses.js';
import { idempotent } from '../http/idempotency.js';
import { contentDeps as deps } from '../store/clients.js';
import { idempotencyStore } from '../store/idempotency-client.js';
import { createArticle, editArticle } from '../usecases/articles.js';
import { articleResult, replayArticle } from './replay.js';

/** Creating and editing drafts. */
export const handler = httpApi({
  'POST /articles': idempotent(
    idempotencyStore,
    'POST /articles',
    async (req, key) => {
      // With an Idempotency-Key the id comes from it, so even a retry after a crash creates one article.
      const article = await createArticle(deps, req.actor, req.input, key ? idFromRecord(key.recordId) : undefined);
      return articleResult(req, article, 201);
    },
    replayArticle(deps),
  ),
  'PATCH /articles/{id}': async ({ actor, params, input, header }) =>
    articleResponse(actor, await editArticle(deps, actor, params.id!, input, header('if-match'))),
});

/** A UUID-shaped id derived from an idempotency record id. */
function idFromRecord(recordId: string): string {
  const h = recordId.slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
