import { httpApi } from '../http/api.js';
import { articleResponse, articleView, json } from '../http/responses.js';
import { workflowDeps as deps } from '../store/clients.js';
import { articleHistoryReader, articleLists } from '../store/list-client.js';
import { articleHistory, listArticles, readArticle } from '../usecases/articles.js';

/** Read-only routes: this function's role can read the table and nothing else. */
export const handler = httpApi({
  'GET /articles': async ({ actor, query }) => {
    const page = await listArticles(articleLists, actor, query);
    return json(200, { items: page.items.map((a) => articleView(actor, a)), nextCursor: page.nextCursor });
  },
  'GET /articles/{id}': async ({ actor, params }) => articleResponse(actor, await readArticle(deps, actor, params.id!)),
  'GET /articles/{id}/history': async ({ actor, params, query }) =>
    json(200, await articleHistory({ ...deps, history: articleHistoryReader }, actor, params.id!, query)),
});
