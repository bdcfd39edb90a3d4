import { httpApi } from '../http/api.js';
import { articleResponse, json } from '../http/responses.js';
import { contentDeps, documentClient, tableName } from '../store/clients.js';
import { DynamoRevisions } from '../store/revisions.js';
import { diffRevisions, getRevision, listRevisions, restoreRevision, type RevisionDeps } from '../usecases/revisions.js';

const deps: RevisionDeps = { ...contentDeps, revisions: new DynamoRevisions(documentClient, tableName) };

/** Every version of an article's text: list, read, compare and restore. */
export const handler = httpApi({
  'GET /articles/{id}/revisions': async ({ actor, params, query }) => json(200, await listRevisions(deps, actor, params.id!, query)),
  'GET /articles/{id}/revisions/{revision}': async ({ actor, params }) =>
    json(200, await getRevision(deps, actor, params.id!, params.revision)),
  'GET /articles/{id}/revisions/{revision}/diff': async ({ actor, params, query }) =>
    json(200, await diffRevisions(deps, actor, params.id!, params.revision, query)),
  'POST /articles/{id}/revisions/{revision}/restore': async ({ actor, params, header }) =>
    articleResponse(actor, await restoreRevision(deps, actor, params.id!, params.revision, header('if-match'))),
});
