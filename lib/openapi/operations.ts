import type { GenericSchema } from 'valibot';
import { DeliveryQuery } from '../../lambdas/usecases/deliveries.js';
import { EditProfile } from '../../lambdas/usecases/profiles.js';
import {
  AddComment,
  Approve,
  AttachMedia,
  CommentsQuery,
  Correct,
  CreateArticle,
  DiffQuery,
  EditArticle,
  EditMedia,
  HistoryQuery,
  ListQuery,
  MaybeReason,
  NoInput,
  RequestChanges,
  RevisionsQuery,
  Schedule,
  WithReason,
} from '../../lambdas/usecases/schemas.js';

/** The problem+json statuses a route can answer, besides the 401 and 500 any route can. */
export type ErrorStatus = 400 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428;

/** A response body: a schema in `components.schemas`, or a raw media type for the docs routes. */
export type Body =
  | {
      schema: string;
      example?:
        | 'article'
        | 'articlePage'
        | 'history'
        | 'media'
        | 'mediaItem'
        | 'upload'
        | 'revisions'
        | 'revision'
        | 'diff'
        | 'commentItem'
        | 'comments'
        | 'deliveries'
        | 'redelivery'
        | 'profile';
    }
  | { raw: 'html' | 'openapi' };

/**
 * How one route of the route table is documented. The request schemas are the valibot schemas
 * the handlers validate with; a route in the table without an entry here fails the generator.
 */
export interface OperationDoc {
  operationId: string;
  summary: string;
  description: string;
  tag: 'Articles' | 'Workflow' | 'Revisions' | 'Comments' | 'Media' | 'Deliveries' | 'Profiles' | 'Service';
  query?: GenericSchema;
  /** What each query parameter means, beyond what its schema says. */
  queryDescriptions?: Record<string, string>;
  /** The request body, validated by this schema; `optional` when a route also takes none. */
  body?: {
    schema: GenericSchema;
    name: string;
    optional?: boolean;
    example?:
      'create' | 'edit' | 'comment' | 'approve' | 'schedule' | 'attach' | 'correct' | 'reason' | 'addComment' | 'describe' | 'editProfile';
  };
  success: { status: 200 | 201 | 202 | 204; description: string; body?: Body; headers?: ('ETag' | 'Location' | 'Idempotent-Replayed')[] };
  errors: readonly ErrorStatus[];
  /** `required`: the route answers 428 without it. */
  ifMatch?: 'required' | 'optional';
  idempotencyKey?: boolean;
}

const ARTICLE = { schema: 'Article', example: 'article' } as const;
const PROFILE = { schema: 'Profile', example: 'profile' } as const;
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
const withReason = { schema: WithReason, name: 'WithReason', example: 'reason' } as const;
const REVISION_ERRORS = [404] as const;

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
    queryDescriptions: {
      status: 'Only articles in this status.',
      author: 'Only this author’s articles (reporters see another author’s published articles only).',
      sort:
        '`createdAt` (newest first, the default), `updatedAt` (last changed first: an edit or a transition moves an article to the top) ' +
        'or `publishAt` (soonest first; needs `status=scheduled`, where it is the default). Not with `tag`.',
      tag:
        'Only articles with this tag, matched on the normalised tag (Unicode NFKC, case-insensitive), newest first; ' +
        'combines with `status` and `author`, not with `sort=updatedAt` or `sort=publishAt` (400).',
      limit: 'Articles per page.',
      cursor: 'The `nextCursor` of the previous page, with the same query.',
    },
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
  'POST /articles/{id}/correct': {
    ...transition(
      'correctArticle',
      'Correct a published article',
      'Editors and the chief editor change a published article’s text, the only way it changes, with a public note readers see ' +
        '(`kind` `correction`, the default, or `update`). At least one of `headline`, `standfirst`, `body` or `tags` must get a ' +
        'changed value (400 otherwise). The text becomes a new revision and the note is added to `corrections`. ' +
        '`If-Match` with the ETag of the version read is required.',
      { schema: Correct, name: 'Correct', example: 'correct' },
      'required',
    ),
    success: {
      status: 200,
      description: 'The corrected article, with its new revision, its note in `corrections`, and its new ETag.',
      body: ARTICLE,
      headers: ['ETag', 'Idempotent-Replayed'],
    },
  },
  'POST /articles/{id}/unpublish': transition(
    'unpublishArticle',
    'Unpublish',
    'The chief editor takes a published article down, saying why (`published → unpublished`). Approving it again publishes it at the same place.',
    withReason,
  ),
  'POST /articles/{id}/kill': transition(
    'killArticle',
    'Kill',
    'The chief editor kills a published, unpublished or scheduled article for good, saying why (`→ killed`); a scheduled one is never ' +
      'published. Nothing happens to a killed article any more.',
    withReason,
  ),
  'POST /articles/{id}/spike': transition(
    'spikeArticle',
    'Spike',
    'The story is dropped, and kept (`→ spiked`): its author spikes their own draft; editors and the chief editor a draft or an ' +
      'article in review, optionally saying why. Spiked articles are out of the desk’s default list.',
    { schema: MaybeReason, name: 'MaybeReason', optional: true, example: 'reason' },
  ),
  'POST /articles/{id}/unspike': transition(
    'unspikeArticle',
    'Unspike',
    'The author, an editor or the chief editor brings a spiked article back (`spiked → draft`).',
    none,
  ),
  'GET /articles/{id}/revisions': {
    operationId: 'listRevisions',
    summary: 'List revisions of the text',
    description:
      'Every version of the article’s text, newest first, a page at a time: who wrote it, when, how (`kind`) and which fields it ' +
      'changed. For the author, editors and the chief editor; anyone else gets 404.',
    tag: 'Revisions',
    query: RevisionsQuery,
    success: { status: 200, description: 'A page of revisions.', body: { schema: 'RevisionPage', example: 'revisions' } },
    errors: [400, 404],
  },
  'GET /articles/{id}/revisions/{revision}': {
    operationId: 'getRevision',
    summary: 'Read a revision',
    description: 'One revision’s text, as it was written; it never changes. 404 when the article has no such revision.',
    tag: 'Revisions',
    success: { status: 200, description: 'The revision.', body: { schema: 'Revision', example: 'revision' } },
    errors: REVISION_ERRORS,
  },
  'GET /articles/{id}/revisions/{revision}/diff': {
    operationId: 'diffRevision',
    summary: 'Compare two revisions',
    description:
      'A word-level diff of each field that differs between this revision and `against` (by default the one before it); tags are ' +
      'compared tag by tag. Revision 1 has none before it: name one in `against`.',
    tag: 'Revisions',
    query: DiffQuery,
    success: {
      status: 200,
      description: 'The changed fields, each as a list of kept, inserted and deleted parts.',
      body: { schema: 'RevisionDiff', example: 'diff' },
    },
    errors: [400, 404],
  },
  'POST /articles/{id}/revisions/{revision}/restore': {
    operationId: 'restoreRevision',
    summary: 'Restore a revision',
    description:
      'The article’s text becomes that revision’s, as a new revision of kind `restored`, with the rights of an edit. ' +
      '`If-Match` is required. A published article changes only through `correct` (409), and the current revision cannot be restored (409).',
    tag: 'Revisions',
    success: { status: 200, description: 'The article with the restored text, and its new ETag.', body: ARTICLE, headers: ['ETag'] },
    errors: [400, 403, 404, 409, 412, 428],
    ifMatch: 'required',
  },
  'POST /articles/{id}/comments': {
    operationId: 'addComment',
    summary: 'Comment on an article',
    description:
      'The author, editors and the chief editor write notes on an article, optionally about one passage (`quote`). Emits ' +
      '`CommentAdded`; the article keeps its version and ETag. 404 for anyone else; 409 on a killed article.',
    tag: 'Comments',
    body: { schema: AddComment, name: 'AddComment', example: 'addComment' },
    success: { status: 201, description: 'The new comment.', body: { schema: 'Comment', example: 'commentItem' } },
    errors: [400, 404, 409, 413, 415],
  },
  'GET /articles/{id}/comments': {
    operationId: 'listComments',
    summary: 'Read the comment thread',
    description: 'The article’s comments, oldest first, a page at a time; the notes of request-changes are in it too.',
    tag: 'Comments',
    query: CommentsQuery,
    success: { status: 200, description: 'A page of comments.', body: { schema: 'CommentPage', example: 'comments' } },
    errors: [400, 404],
  },
  'POST /articles/{id}/comments/{commentId}/resolve': {
    operationId: 'resolveComment',
    summary: 'Resolve a comment',
    description: 'Marks a comment resolved, by whom and when; resolving it again changes nothing.',
    tag: 'Comments',
    success: { status: 200, description: 'The comment, resolved.', body: { schema: 'Comment', example: 'commentItem' } },
    errors: [404, 409],
  },
  'DELETE /articles/{id}/comments/{commentId}': {
    operationId: 'deleteComment',
    summary: 'Delete a comment',
    description: 'Only the comment’s writer may delete it; anyone else who can see the thread gets 403.',
    tag: 'Comments',
    success: { status: 204, description: 'Deleted.' },
    errors: [403, 404, 409],
  },
  'GET /deliveries': {
    operationId: 'listDeliveries',
    summary: 'Read the delivery log',
    description:
      'Each event’s delivery to each webhook target, newest event first, a page at a time, with its latest attempts; records are kept ' +
      'for 7 days. Editors and the chief editor only.',
    tag: 'Deliveries',
    query: DeliveryQuery,
    success: { status: 200, description: 'A page of deliveries.', body: { schema: 'DeliveryPage', example: 'deliveries' } },
    errors: [400, 403],
  },
  'POST /deliveries/{eventId}/redeliver': {
    operationId: 'redeliverEvent',
    summary: 'Redeliver an event',
    description:
      'The chief editor sends one event again to every target the log has it for, signed as usual, with the same `webhook-id`. ' +
      '404 when the log does not have it (and for reporters, who may not read the log), 403 for editors, 409 when none of its ' +
      'targets is configured any more.',
    tag: 'Deliveries',
    success: {
      status: 202,
      description: 'The event is queued again for the targets named.',
      body: { schema: 'Redelivery', example: 'redelivery' },
    },
    errors: [403, 404, 409],
  },
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
  'PATCH /articles/{id}/media/{mediaId}': {
    operationId: 'describeMedia',
    summary: 'Change a file’s caption or credit',
    description:
      'Sets the caption or the credit of an attached file (`null` clears one), with the same rights as attaching a file. ' +
      'Send at least one of them.',
    tag: 'Media',
    body: { schema: EditMedia, name: 'EditMedia', example: 'describe' },
    success: { status: 200, description: 'The file as it is now.', body: { schema: 'Media', example: 'mediaItem' } },
    errors: [400, 403, 404, 409, 413, 415],
  },
  'DELETE /articles/{id}/media/{mediaId}': {
    operationId: 'removeMedia',
    summary: 'Remove a file',
    description: 'Removes an attached file and deletes its stored copies.',
    tag: 'Media',
    success: { status: 204, description: 'Removed.' },
    errors: [403, 404, 409],
  },
  'GET /profiles/me': {
    operationId: 'getMyProfile',
    summary: 'Read your profile',
    description:
      'The caller’s author profile: the name, bio and function readers see beside their articles. Before it is first saved with ' +
      '`PUT /profiles/me`, the answer is its defaults (the name from the token, no bio, no function, `version` 0, `updatedAt` null), ' +
      'which are not stored. Any member of staff.',
    tag: 'Profiles',
    success: { status: 200, description: 'Your profile, with its ETag.', body: PROFILE, headers: ['ETag'] },
    errors: [403],
  },
  'PUT /profiles/me': {
    operationId: 'saveMyProfile',
    summary: 'Save your profile',
    description:
      'Replaces the caller’s profile with the one sent (all three fields; `bio` and `function` may be empty), creating it on the first ' +
      'save. Article pages show it from their next rendering (publication or correction). Any member of staff.',
    tag: 'Profiles',
    body: { schema: EditProfile, name: 'EditProfile', example: 'editProfile' },
    success: { status: 200, description: 'The profile as saved, with its new ETag.', body: PROFILE, headers: ['ETag'] },
    errors: [400, 403, 412, 413, 415],
    ifMatch: 'optional',
  },
  'GET /profiles/{userId}': {
    operationId: 'getProfile',
    summary: 'Read someone’s profile',
    description: 'Anyone’s saved profile, for any member of staff; 404 when it has never been saved.',
    tag: 'Profiles',
    success: { status: 200, description: 'The profile, with its ETag.', body: PROFILE, headers: ['ETag'] },
    errors: [403, 404],
  },
  'PUT /profiles/{userId}': {
    operationId: 'saveProfile',
    summary: 'Save someone’s profile',
    description:
      'Chief editors replace anyone’s saved profile (404 when it has never been saved: its owner creates it); anyone else may use ' +
      'this route for their own only (403 otherwise).',
    tag: 'Profiles',
    body: { schema: EditProfile, name: 'EditProfile', example: 'editProfile' },
    success: { status: 200, description: 'The profile as saved, with its new ETag.', body: PROFILE, headers: ['ETag'] },
    errors: [400, 403, 404, 412, 413, 415],
    ifMatch: 'optional',
  },
};
