import { randomUUID } from 'node:crypto';
import { httpApi } from '../http/api.js';
import { json } from '../http/responses.js';
import { documentClient, tableName } from '../store/clients.js';
import { DynamoCommentRepository } from '../store/comment-store.js';
import { addComment, deleteComment, listComments, resolveComment, type CommentDeps } from '../usecases/comments.js';

const deps: CommentDeps = { articles: new DynamoCommentRepository(documentClient, tableName), now: () => new Date(), newId: randomUUID };

/** The comment thread of an article: its author and the desk write, read, resolve and delete notes. */
export const handler = httpApi({
  'POST /articles/{id}/comments': async ({ actor, params, input }) => json(201, await addComment(deps, actor, params.id!, input)),
  'GET /articles/{id}/comments': async ({ actor, params, query }) => json(200, await listComments(deps, actor, params.id!, query)),
  'POST /articles/{id}/comments/{commentId}/resolve': async ({ actor, params }) =>
    json(200, await resolveComment(deps, actor, params.id!, params.commentId!)),
  'DELETE /articles/{id}/comments/{commentId}': async ({ actor, params }) => {
    await deleteComment(deps, actor, params.id!, params.commentId!);
    return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
  },
});
