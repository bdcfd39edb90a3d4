import { httpApi } from '../http/api.js';
import { articleResponse } from '../http/responses.js';
import { articleDeps as deps } from '../store/clients.js';
import { createArticle, editArticle } from '../usecases/articles.js';

/** Creating and editing drafts. */
export const handler = httpApi({
  'POST /articles': async ({ actor, input }) => {
    const article = await createArticle(deps, actor, input);
    return articleResponse(actor, article, 201, { location: `/articles/${article.id}` });
  },
  'PATCH /articles/{id}': async ({ actor, params, input, header }) =>
    articleResponse(actor, await editArticle(deps, actor, params.id!, input, header('if-match'))),
});
