import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ARTICLE_FIELDS, type Actor, type Article } from '../domain/article.js';
import { allowedActions } from '../domain/workflow.js';
import { articleUrl } from '../site/urls.js';

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export const etag = (article: Pick<Article, 'version'>) => `"${article.version}"`;

/** Where readers find a published article: the site's base (SITE_URL) and its slug; null before it has one. */
export function publicUrl(slug: string | null | undefined): string | null {
  const base = process.env.SITE_URL;
  return slug && base ? articleUrl({ baseUrl: base, title: '' }, slug) : null;
}

/** The article as the API shows it to this caller, with what they may do next. */
export function articleView(actor: Actor, a: Article) {
  const view: Record<string, unknown> = {};
  for (const f of ARTICLE_FIELDS) view[f] = a[f];
  if (a.body !== undefined) {
    // Full reads only: list summaries carry none of these.
    view.body = a.body;
    view.revision = a.revision;
    view.corrections = a.corrections;
    view.slug = a.slug ?? null;
    view.url = publicUrl(a.slug);
  }
  if (a.changesRequested !== undefined) view.changesRequested = a.changesRequested;
  view.allowedActions = allowedActions(actor, a);
  return view;
}

export function articleResponse(actor: Actor, article: Article, statusCode = 200, headers: Record<string, string> = {}) {
  return json(statusCode, articleView(actor, article), { etag: etag(article), ...headers });
}
