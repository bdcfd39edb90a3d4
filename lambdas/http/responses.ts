import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Actor, Article } from '../domain/article.js';
import { allowedActions } from '../domain/workflow.js';

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export const etag = (article: Pick<Article, 'version'>) => `"${article.version}"`;

/** The article as the API shows it to this caller, with what they may do next. */
export function articleView(actor: Actor, a: Article) {
  return {
    id: a.id,
    status: a.status,
    version: a.version,
    headline: a.headline,
    standfirst: a.standfirst,
    ...(a.body === undefined ? {} : { body: a.body }),
    tags: a.tags,
    authorId: a.authorId,
    authorName: a.authorName,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    submittedAt: a.submittedAt,
    approvedBy: a.approvedBy,
    approvedAt: a.approvedAt,
    publishAt: a.publishAt,
    publishedAt: a.publishedAt,
    // Full reads only: list summaries carry neither.
    ...(a.body === undefined ? {} : { revision: a.revision, corrections: a.corrections }),
    allowedActions: allowedActions(actor, a),
  };
}

export function articleResponse(actor: Actor, article: Article, statusCode = 200, headers: Record<string, string> = {}) {
  return json(statusCode, articleView(actor, article), { etag: etag(article), ...headers });
}
