import type { GenericSchema } from 'valibot';
import {
  Approve,
  AttachMedia,
  CreateArticle,
  EditArticle,
  HistoryQuery,
  ListQuery,
  NoInput,
  RequestChanges,
  Schedule,
} from '../../lambdas/usecases/schemas.js';

/** The problem+json statuses a route can answer, besides the 401 and 500 any route can. */
export type ErrorStatus = 400 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428;

/** A response body: a schema in `components.schemas`, or a raw media type for the docs routes. */
export type Body = { schema: string; example?: 'article' | 'articlePage' | 'history' | 'media' | 'upload' } | { raw: 'html' | 'openapi' };

/**
 * How one route of the route table is documented. The request schemas are the valibot schemas
 * the handlers validate with; a route in the table without an entry here fails the generator.
 */
export interface OperationDoc {
  operationId: string;
  summary: string;
  description: string;
  tag: 'Articles' | 'Workflow' | 'Media' | 'Service';
  query?: GenericSchema;
  /** The request body, validated by this schema; `optional` when a route also takes none. */
  body?: {
    schema: GenericSchema;
    name: string;
    optional?: boolean;
    example?: 'create' | 'edit' | 'comment' | 'approve' | 'schedule' | 'attach';
  };
  success: { status: 200 | 201 | 204; description: string; body?: Body; headers?: ('ETag' | 'Location' | 'Idempotent-Replayed')[] };
  errors: readonly ErrorStatus[];
  /** `required`: the route answers 428 without it. */
  ifMatch?: 'required' | 'optional';
  idempotencyKey?: boolean;
}

const ARTICLE = { schema: 'Article', example: 'article' } as const;
const TRANSITION_ERRORS = [400, 403, 404, 409, 412, 413, 415, 422] as const;
const transition = (
  operationId: string,
  summary: string,
  description: string,
  body: OperationDoc['body'],
  ifMatch: 'required' | 'optional' = 'optional',
): OperationDoc => ({
  operationId,
  summary,
  description,
  tag: 'Workflow',
  body,
  success: {
    status: 200,
    description: 'The article after the transition, with its new ETag.',
    body: ARTICLE,
    headers: ['ETag', 'Idempotent-Replayed'],
  },
  errors: ifMatch === 'required' ? [...TRANSITION_ERRORS, 428] : TRANSITION_ERRORS,
  ifMatch,
  idempotencyKey: true,
});
const none = { schema: NoInput, name: 'NoInput', optional: true } as const;

/** Every route of lambdas/http/routes.ts, by route key. */
export const OPERATIONS: Record<string, OperationDoc> = {
  'GET /health': {
    operationId: 'getHealth',
    summary: 'Liveness',
    description: 'Answers without touching any dependency; no token needed.',
    tag: 'Service',
    success: { status: 200, description: 'The service is up.', body: { schema: 'Health' } },
    errors: [],
  },
  'GET /openapi.json': {
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 description of the API, generated from the route table and the input schemas. No token needed.',
    tag: 'Service',
    success: { status: 200, description: 'The OpenAPI document.', body: { raw: 'openapi' } },
    errors: [],
  },
  'GET /docs': {
    operationId: 'getApiReference',
    summary: 'API reference page',
    description: 'A page that shows this document and sends requests to the newsroom that serves it. No token needed.',
    tag: 'Service',
    success: { status: 200, description: 'The reference page.', body: { raw: 'html' } },
    errors: [],
  },
  'GET /articles': {
    operationId: 'listArticles',
    summary: 'List articles',
    description:
      'Articles the caller may see, newest first, a page at a time: follow `nextCursor` with `?cursor=` until it is `null`. ' +
      'Reporters see their own articles and published ones; editors and the chief editor see all.',
    tag: 'Articles',
    query: ListQuery,
    success: { status: 200, description: 'A page of articles.', body: { schema: 'ArticlePage', example: 'articlePage' } },
    errors: [400],
  },
  'POST /articles': {
    operationId: 'createArticle',
    summary: 'File a draft',
    description: 'Reporters file drafts. With an `Idempotency-Key`, a retry gets the first answer again and creates nothing.',
    tag: 'Articles',
    body: { schema: CreateArticle, name: 'CreateArticle', example: 'create' },
    success: { status: 201, description: 'The new draft.', body: ARTICLE, headers: ['ETag', 'Location', 'Idempotent-Replayed'] },
    errors: [400, 403, 409, 413, 415, 422],
    idempotencyKey: true,
  },
  'GET /articles/{id}': {
    operationId: 'getArticle',
    summary: 'Read an article',
    description: 'The article with its `ETag` and what the caller may do next (`allowedActions`). 404 when the caller may not see it.',
    tag: 'Articles',
    success: { status: 200, description: 'The article.', body: ARTICLE, headers: ['ETag'] },
    errors: [404],
  },
  'PATCH /articles/{id}': {
    operationId: 'editArticle',
    summary: 'Edit an article',
    description: 'Changes the fields sent. `If-Match` carries the ETag the edit is based on, so nobody overwrites a colleague’s change.',
    tag: 'Articles',
    body: { schema: EditArticle, name: 'EditArticle', example: 'edit' },
    success: { status: 200, description: 'The edited article, with its new ETag.', body: ARTICLE, headers: ['ETag'] },
    errors: [400, 403, 404, 409, 412, 413, 415, 428],
    ifMatch: 'required',
  },
  'GET /articles/{id}/history': {
    operationId: 'getArticleHistory',
    summary: 'Read an article’s history',
    description: 'Every transition with who and when, oldest first, a page at a time.',
    tag: 'Articles',
    query: HistoryQuery,
    success: { status: 200, description: 'A page of history.', body: { schema: 'HistoryPage', example: 'history' } },
    errors: [400, 404],
  },
  'POST /articles/{id}/submit': transition('submitArticle', 'Submit for review', 'The author sends a draft to the desk.', none),
  'POST /articles/{id}/withdraw': transition(
    'withdrawArticle',
    'Withdraw from review',
    'The author takes an article in review back to draft.',
    none,
  ),
  'POST /articles/{id}/request-changes': transition(
    'requestChanges',
    'Send back with a comment',
    'An editor or the chief editor sends an article in review back to its author, saying what to change.',
    { schema: RequestChanges, name: 'RequestChanges', example: 'comment' },
  ),
  'POST /articles/{id}/approve': transition(
    'approveArticle',
    'Approve',
    'The chief editor approves what they read (`If-Match` with the ETag of their last read): it publishes now, or at `publishAt` ' +
      '(RFC 3339 with `Z` or an offset, at most a year ahead). Attached files must all be verified.',
    { schema: Approve, name: 'Approve', optional: true, example: 'approve' },
    'required',
  ),
  'POST /articles/{id}/schedule': transition(
    'scheduleArticle',
    'Move the publication time',
    'The chief editor moves a scheduled article’s publication time.',
    { schema: Schedule, name: 'Schedule', example: 'schedule' },
  ),
  'POST /articles/{id}/unschedule': transition(
    'unscheduleArticle',
    'Unschedule',
    'The chief editor takes a scheduled article back to review.',
    none,
  ),
  'POST /articles/{id}/publish': transition(
    'publishArticle',
    'Publish now',
    'The chief editor publishes a scheduled article at once (`If-Match` with the ETag of their last read).',
    none,
    'required',
  ),
  'POST /articles/{id}/media': {
    operationId: 'attachMedia',
    summary: 'Attach a file',
    description:
      'Declares a file and returns a presigned form to upload it straight to storage (never through the API). ' +
      'The server then checks what the file really is; nothing is approved until every file is verified.',
    tag: 'Media',
    body: { schema: AttachMedia, name: 'AttachMedia', example: 'attach' },
    success: { status: 201, description: 'The declared file and its upload form.', body: { schema: 'MediaUpload', example: 'upload' } },
    errors: [400, 403, 404, 409, 413, 415],
  },
  'GET /articles/{id}/media': {
    operationId: 'listMedia',
    summary: 'List attached files',
    description: 'The article’s files, newest first; a verified file has a short-lived download link.',
    tag: 'Media',
    success: { status: 200, description: 'The files.', body: { schema: 'MediaList', example: 'media' } },
    errors: [404],
  },
  'DELETE /articles/{id}/media/{mediaId}': {
    operationId: 'removeMedia',
    summary: 'Remove a file',
    description: 'Removes an attached file and deletes its stored copies.',
    tag: 'Media',
    success: { status: 204, description: 'Removed.' },
    errors: [403, 404, 409],
  },
};
