/**
 * The API's routes and which function serves each. The CDK stack and the local gateway
 * both read this table, so the two cannot drift apart.
 */
export const FUNCTIONS = {
  health: { entry: 'lambdas/handlers/health.ts', table: 'none', media: false, idempotency: false },
  /** Serves the OpenAPI document and the reference page, written next to its bundle at build time. */
  apiDocs: { entry: 'lambdas/handlers/api-docs.ts', table: 'none', media: false, idempotency: false },
  articlesRead: { entry: 'lambdas/handlers/articles-read.ts', table: 'read', media: false, idempotency: false },
  articlesWrite: { entry: 'lambdas/handlers/articles-write.ts', table: 'create-and-update', media: false, idempotency: true },
  articlesReview: { entry: 'lambdas/handlers/articles-review.ts', table: 'update', media: false, idempotency: true },
  /** Approves and publishes: at first publication it claims the article's slug (a SLUG# item). */
  articlesApprove: { entry: 'lambdas/handlers/articles-approve.ts', table: 'update', media: false, idempotency: true, slugs: true },
  /**
   * After publication: correct (a content change, so it writes revisions), unpublish, kill. A
   * correction claims the slug of an article published before slugs existed (a SLUG# item).
   */
  articlesCorrections: {
    entry: 'lambdas/handlers/articles-corrections.ts',
    table: 'create-and-update',
    media: false,
    idempotency: true,
    slugs: true,
  },
  /** Reads revisions (a query on the article's partition) and restores one (a content change). */
  articlesRevisions: { entry: 'lambdas/handlers/articles-revisions.ts', table: 'revisions', media: false, idempotency: false },
  /** Signs upload and download links, and deletes removed files, under media/ only. */
  articlesMedia: { entry: 'lambdas/handlers/articles-media.ts', table: 'update', media: true, idempotency: false },
  /** Reads the delivery log (DELIVERY# items and the deliveries index) and queues redeliveries; no article access. */
  deliveries: { entry: 'lambdas/handlers/deliveries.ts', table: 'none', media: false, idempotency: false, deliveryLog: 'read' },
  /** Comment threads: reads articles and their comment items, appends CommentAdded, writes comment items. */
  articlesComments: { entry: 'lambdas/handlers/articles-comments.ts', table: 'read-and-update', media: false, idempotency: false },
  /** Author profiles: reads and writes PROFILE# items only; no article access. */
  profiles: { entry: 'lambdas/handlers/profiles.ts', table: 'none', media: false, idempotency: false, profiles: 'read-and-write' },
  /** Answers 405 with `Allow` for a method a known path does not take; touches nothing. */
  methodNotAllowed: { entry: 'lambdas/handlers/method-not-allowed.ts', table: 'none', media: false, idempotency: false },
} as const;

/** What a function may do to the table; the CDK stack turns each into exact IAM actions. */
export type TableAccess = (typeof FUNCTIONS)[keyof typeof FUNCTIONS]['table'];

export type FunctionName = keyof typeof FUNCTIONS;

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'ANY';
  path: string;
  fn: FunctionName;
  /** false only for routes anyone may call without a token. */
  auth: boolean;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', fn: 'health', auth: false },
  { method: 'GET', path: '/openapi.json', fn: 'apiDocs', auth: false },
  { method: 'GET', path: '/docs', fn: 'apiDocs', auth: false },
  { method: 'GET', path: '/articles', fn: 'articlesRead', auth: true },
  { method: 'POST', path: '/articles', fn: 'articlesWrite', auth: true },
  { method: 'GET', path: '/articles/{id}', fn: 'articlesRead', auth: true },
  { method: 'PATCH', path: '/articles/{id}', fn: 'articlesWrite', auth: true },
  { method: 'GET', path: '/articles/{id}/history', fn: 'articlesRead', auth: true },
  { method: 'POST', path: '/articles/{id}/submit', fn: 'articlesReview', auth: true },
  { method: 'POST', path: '/articles/{id}/withdraw', fn: 'articlesReview', auth: true },
  { method: 'POST', path: '/articles/{id}/request-changes', fn: 'articlesReview', auth: true },
  { method: 'POST', path: '/articles/{id}/approve', fn: 'articlesApprove', auth: true },
  { method: 'POST', path: '/articles/{id}/schedule', fn: 'articlesApprove', auth: true },
  { method: 'POST', path: '/articles/{id}/unschedule', fn: 'articlesApprove', auth: true },
  { method: 'POST', path: '/articles/{id}/publish', fn: 'articlesApprove', auth: true },
  { method: 'POST', path: '/articles/{id}/spike', fn: 'articlesReview', auth: true },
  { method: 'POST', path: '/articles/{id}/unspike', fn: 'articlesReview', auth: true },
  { method: 'POST', path: '/articles/{id}/correct', fn: 'articlesCorrections', auth: true },
  { method: 'POST', path: '/articles/{id}/unpublish', fn: 'articlesCorrections', auth: true },
  { method: 'POST', path: '/articles/{id}/kill', fn: 'articlesCorrections', auth: true },
  { method: 'GET', path: '/articles/{id}/revisions', fn: 'articlesRevisions', auth: true },
  { method: 'GET', path: '/articles/{id}/revisions/{revision}', fn: 'articlesRevisions', auth: true },
  { method: 'GET', path: '/articles/{id}/revisions/{revision}/diff', fn: 'articlesRevisions', auth: true },
  { method: 'POST', path: '/articles/{id}/revisions/{revision}/restore', fn: 'articlesRevisions', auth: true },
  { method: 'POST', path: '/articles/{id}/media', fn: 'articlesMedia', auth: true },
  { method: 'GET', path: '/articles/{id}/media', fn: 'articlesMedia', auth: true },
  { method: 'PATCH', path: '/articles/{id}/media/{mediaId}', fn: 'articlesMedia', auth: true },
  { method: 'DELETE', path: '/articles/{id}/media/{mediaId}', fn: 'articlesMedia', auth: true },
  { method: 'GET', path: '/deliveries', fn: 'deliveries', auth: true },
  { method: 'POST', path: '/deliveries/{eventId}/redeliver', fn: 'deliveries', auth: true },
  { method: 'POST', path: '/articles/{id}/comments', fn: 'articlesComments', auth: true },
  { method: 'GET', path: '/articles/{id}/comments', fn: 'articlesComments', auth: true },
  { method: 'POST', path: '/articles/{id}/comments/{commentId}/resolve', fn: 'articlesComments', auth: true },
  { method: 'DELETE', path: '/articles/{id}/comments/{commentId}', fn: 'articlesComments', auth: true },
  // `me` before `{userId}`: the local gateway takes the first route that matches, as API Gateway prefers a literal segment.
  { method: 'GET', path: '/profiles/me', fn: 'profiles', auth: true },
  { method: 'PUT', path: '/profiles/me', fn: 'profiles', auth: true },
  { method: 'GET', path: '/profiles/{userId}', fn: 'profiles', auth: true },
  { method: 'PUT', path: '/profiles/{userId}', fn: 'profiles', auth: true },
];

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** The methods a path takes: its routes', and HEAD wherever GET. */
export function allowedMethods(path: string): string[] {
  const methods: string[] = ROUTES.filter((r) => r.path === path).map((r) => r.method);
  if (methods.includes('GET')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD');
  return methods;
}

/**
 * What the gateway routes, in AWS and locally: every route, a HEAD beside each GET (served by the
 * same function, which answers without a body), and an ANY route on each path. API Gateway
 * matches ANY only for methods a path does not define, so a wrong method on a known path gets
 * 405 with `Allow`; a path nobody serves stays API Gateway's own 404.
 */
export const GATEWAY_ROUTES: readonly RouteSpec[] = [
  ...ROUTES,
  ...ROUTES.filter((r) => r.method === 'GET').map((r): RouteSpec => ({ ...r, method: 'HEAD' })),
  ...[...new Set(ROUTES.map((r) => r.path))].map((path): RouteSpec => ({ method: 'ANY', path, fn: 'methodNotAllowed', auth: false })),
];

/** What browsers may send and read across origins; the HTTP API and the local gateway both apply it. */
export const CORS = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
  exposeHeaders: ['etag', 'location', 'idempotent-replayed'],
  maxAgeSeconds: 3600,
} as const;
