/**
 * The Newsroom API's types, generated from its OpenAPI document (lib/openapi/document.ts) by
 * openapi-typescript. Do not edit: run `npm run cli:types` after changing the API.
 */

export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers without touching any dependency; no token needed.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This document
     * @description The OpenAPI 3.1 description of the API, generated from the route table and the input schemas. No token needed.
     */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * API reference page
     * @description A page that shows this document and sends requests to the newsroom that serves it. No token needed.
     */
    get: operations['getApiReference'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List articles
     * @description Articles the caller may see, newest first, a page at a time: follow `nextCursor` with `?cursor=` until it is `null`. Reporters see their own articles and published ones; editors and the chief editor see all.
     */
    get: operations['listArticles'];
    put?: never;
    /**
     * File a draft
     * @description Reporters file drafts. With an `Idempotency-Key`, a retry gets the first answer again and creates nothing.
     */
    post: operations['createArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an article
     * @description The article with its `ETag` and what the caller may do next (`allowedActions`). 404 when the caller may not see it.
     */
    get: operations['getArticle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Edit an article
     * @description Changes the fields sent. `If-Match` carries the ETag the edit is based on, so nobody overwrites a colleague’s change.
     */
    patch: operations['editArticle'];
    trace?: never;
  };
  '/articles/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read an article’s history
     * @description Every transition with who and when, oldest first, a page at a time.
     */
    get: operations['getArticleHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit for review
     * @description The author sends a draft to the desk.
     */
    post: operations['submitArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw from review
     * @description The author takes an article in review back to draft.
     */
    post: operations['withdrawArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/request-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send back with a comment
     * @description An editor or the chief editor sends an article in review back to its author, saying what to change.
     */
    post: operations['requestChanges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve
     * @description The chief editor approves what they read (`If-Match` with the ETag of their last read): it publishes now, or at `publishAt` (RFC 3339 with `Z` or an offset, at most a year ahead). Attached files must all be verified.
     */
    post: operations['approveArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the publication time
     * @description The chief editor moves a scheduled article’s publication time.
     */
    post: operations['scheduleArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/unschedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unschedule
     * @description The chief editor takes a scheduled article back to review.
     */
    post: operations['unscheduleArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Publish now
     * @description The chief editor publishes a scheduled article at once (`If-Match` with the ETag of their last read).
     */
    post: operations['publishArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/spike': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Spike
     * @description The story is dropped, and kept (`→ spiked`): its author spikes their own draft; editors and the chief editor a draft or an article in review, optionally saying why. Spiked articles are out of the desk’s default list.
     */
    post: operations['spikeArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/unspike': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unspike
     * @description The author, an editor or the chief editor brings a spiked article back (`spiked → draft`).
     */
    post: operations['unspikeArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/correct': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Correct a published article
     * @description Editors and the chief editor change a published article’s text, the only way it changes, with a public note readers see (`kind` `correction`, the default, or `update`). At least one of `headline`, `standfirst`, `body` or `tags` must get a changed value (400 otherwise). The text becomes a new revision and the note is added to `corrections`. `If-Match` with the ETag of the version read is required.
     */
    post: operations['correctArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Unpublish
     * @description The chief editor takes a published article down, saying why (`published → unpublished`). Approving it again publishes it at the same place.
     */
    post: operations['unpublishArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/kill': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Kill
     * @description The chief editor kills a published, unpublished or scheduled article for good, saying why (`→ killed`); a scheduled one is never published. Nothing happens to a killed article any more.
     */
    post: operations['killArticle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/revisions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List revisions of the text
     * @description Every version of the article’s text, newest first, a page at a time: who wrote it, when, how (`kind`) and which fields it changed. For the author, editors and the chief editor; anyone else gets 404.
     */
    get: operations['listRevisions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/revisions/{revision}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read a revision
     * @description One revision’s text, as it was written; it never changes. 404 when the article has no such revision.
     */
    get: operations['getRevision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/revisions/{revision}/diff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Compare two revisions
     * @description A word-level diff of each field that differs between this revision and `against` (by default the one before it); tags are compared tag by tag. Revision 1 has none before it: name one in `against`.
     */
    get: operations['diffRevision'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/revisions/{revision}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore a revision
     * @description The article’s text becomes that revision’s, as a new revision of kind `restored`, with the rights of an edit. `If-Match` is required. A published article changes only through `correct` (409), and the current revision cannot be restored (409).
     */
    post: operations['restoreRevision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/media': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List attached files
     * @description The article’s files, newest first; a verified file has a short-lived download link.
     */
    get: operations['listMedia'];
    put?: never;
    /**
     * Attach a file
     * @description Declares a file and returns a presigned form to upload it straight to storage (never through the API). The server then checks what the file really is; nothing is approved until every file is verified.
     */
    post: operations['attachMedia'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/media/{mediaId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Remove a file
     * @description Removes an attached file and deletes its stored copies.
     */
    delete: operations['removeMedia'];
    options?: never;
    head?: never;
    /**
     * Change a file’s caption or credit
     * @description Sets the caption or the credit of an attached file (`null` clears one), with the same rights as attaching a file. Send at least one of them.
     */
    patch: operations['describeMedia'];
    trace?: never;
  };
  '/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the delivery log
     * @description Each event’s delivery to each webhook target, newest event first, a page at a time, with its latest attempts; records are kept for 7 days. Editors and the chief editor only.
     */
    get: operations['listDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/deliveries/{eventId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Redeliver an event
     * @description The chief editor sends one event again to every target the log has it for, signed as usual, with the same `webhook-id`. 404 when the log does not have it (and for reporters, who may not read the log), 403 for editors, 409 when none of its targets is configured any more.
     */
    post: operations['redeliverEvent'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the comment thread
     * @description The article’s comments, oldest first, a page at a time; the notes of request-changes are in it too.
     */
    get: operations['listComments'];
    put?: never;
    /**
     * Comment on an article
     * @description The author, editors and the chief editor write notes on an article, optionally about one passage (`quote`). Emits `CommentAdded`; the article keeps its version and ETag. 404 for anyone else; 409 on a killed article.
     */
    post: operations['addComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/comments/{commentId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve a comment
     * @description Marks a comment resolved, by whom and when; resolving it again changes nothing.
     */
    post: operations['resolveComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/articles/{id}/comments/{commentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Delete a comment
     * @description Only the comment’s writer may delete it; anyone else who can see the thread gets 403.
     */
    delete: operations['deleteComment'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/profiles/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read your profile
     * @description The caller’s author profile: the name, bio and function readers see beside their articles. Before it is first saved with `PUT /profiles/me`, the answer is its defaults (the name from the token, no bio, no function, `version` 0, `updatedAt` null), which are not stored. Any member of staff.
     */
    get: operations['getMyProfile'];
    /**
     * Save your profile
     * @description Replaces the caller’s profile with the one sent (all three fields; `bio` and `function` may be empty), creating it on the first save. Article pages show it from their next rendering (publication or correction). Any member of staff.
     */
    put: operations['saveMyProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/profiles/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read someone’s profile
     * @description Anyone’s saved profile, for any member of staff; 404 when it has never been saved.
     */
    get: operations['getProfile'];
    /**
     * Save someone’s profile
     * @description Chief editors replace anyone’s saved profile (404 when it has never been saved: its owner creates it); anyone else may use this route for their own only (403 otherwise).
     */
    put: operations['saveProfile'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface webhooks {
  ArticleCreated: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A reporter filed a new draft (revision 1)
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleCreated'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleEdited: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An article’s text changed: an edit or a restore (a new revision)
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleEdited'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleSubmitted: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A draft went to review
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleSubmitted'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleWithdrawn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The author took an article back from review
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleWithdrawn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ChangesRequested: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The desk sent an article back, with a comment
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onChangesRequested'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleApproved: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The chief editor approved an article
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleApproved'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleScheduled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An article got (or moved) its publication time
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleScheduled'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleUnscheduled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A scheduled article went back to review
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleUnscheduled'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticlePublished: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An article was published
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticlePublished'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleCorrected: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A published article was corrected or updated, with a public note
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleCorrected'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleUnpublished: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The chief editor took a published article down
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleUnpublished'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleSpiked: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A draft was dropped
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleSpiked'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleUnspiked: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * A spiked draft came back
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleUnspiked'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  ArticleKilled: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The chief editor killed an article for good
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onArticleKilled'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  MediaReady: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An attached file passed verification
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onMediaReady'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  MediaRejected: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * An attached file failed verification
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onMediaRejected'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  CommentAdded: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Someone commented on an article
     * @description POSTed to every configured webhook URL, signed as Standard Webhooks 1.0 asks. Deliveries are at least once and retried with backoff; one article’s events arrive in version order.
     */
    post: operations['onCommentAdded'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export interface components {
  schemas: {
    /** @description RFC 9457 (formerly 7807) problem details. Further members name what the problem is about (for example `currentVersion`). */
    Problem: {
      /** @description A URI naming the kind of problem. */
      type: string;
      title: string;
      status: number;
      /** @description What went wrong, written for people. */
      detail: string;
      /** @description The path of the request. */
      instance?: string;
      /** @description Each problem with the input, pointing at where it is. */
      errors?: {
        /** @description A JSON Pointer (RFC 6901) to what the problem is about: into the body (`/tags/0`), or to a query parameter (`/query/limit`) or a header (`/headers/If-Match`). */
        pointer: string;
        message: string;
      }[];
    };
    /** @description What the API gateway answers itself, before any handler (no token, a body over its limit). */
    GatewayMessage: {
      message: string;
      /** @description With a 401 from the local newsroom only: why the token was refused, and what to do. */
      reason?: string;
    };
    Health: {
      /** @constant */
      status: 'ok';
      service: string;
    };
    Article: {
      id: string;
      /** @enum {string} */
      status: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
      /** @description Also the ETag, quoted. */
      version: number;
      headline: string;
      standfirst: string;
      /** @description Absent from list pages. */
      body?: string;
      tags: string[];
      authorId: string;
      authorName: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      submittedAt: string | null;
      approvedBy: string | null;
      /** Format: date-time */
      approvedAt: string | null;
      /** Format: date-time */
      publishAt: string | null;
      /** Format: date-time */
      publishedAt: string | null;
      /** @description The current revision of the text. Absent from list pages. */
      revision?: number;
      /** @description The latest request for changes on a draft sent back, until it is submitted again. Absent from list pages. */
      changesRequested?: {
        comment: string;
        by: {
          id: string;
          name: string;
        };
        /** Format: date-time */
        at: string;
      } | null;
      /** @description Public corrections and updates, oldest first. Absent from list pages. */
      corrections?: components['schemas']['Correction'][];
      /** @description The public path segment, given from the headline at first publication and never changed. Null before. Absent from list pages. */
      slug?: string | null;
      /**
       * Format: uri
       * @description The article page readers see, once it has a slug. Absent from list pages.
       */
      url?: string | null;
      /** @description What the caller may do next. */
      allowedActions: (
        | 'edit'
        | 'submit'
        | 'withdraw'
        | 'request-changes'
        | 'approve'
        | 'schedule'
        | 'unschedule'
        | 'publish'
        | 'correct'
        | 'unpublish'
        | 'spike'
        | 'unspike'
        | 'kill'
      )[];
    };
    /** @description A public note on a published article’s text: a correction, or an update. */
    Correction: {
      /** @description The revision the corrected text became. */
      revision: number;
      /** @enum {string} */
      kind: 'correction' | 'update';
      /** @description The note readers see. */
      note: string;
      /** Format: date-time */
      at: string;
      by: {
        id: string;
        name: string;
      };
    };
    ArticlePage: {
      items: components['schemas']['Article'][];
      nextCursor: string | null;
    };
    HistoryEntry: {
      /** @description The event id. */
      id: string;
      version: number;
      /** @enum {string} */
      type:
        | 'ArticleCreated'
        | 'ArticleEdited'
        | 'ArticleSubmitted'
        | 'ArticleWithdrawn'
        | 'ChangesRequested'
        | 'ArticleApproved'
        | 'ArticleScheduled'
        | 'ArticleUnscheduled'
        | 'ArticlePublished'
        | 'ArticleCorrected'
        | 'ArticleUnpublished'
        | 'ArticleSpiked'
        | 'ArticleUnspiked'
        | 'ArticleKilled';
      /** @enum {string} */
      from: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
      /** @enum {string} */
      to: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
      actor: {
        id: string;
        name: string;
      };
      /** Format: date-time */
      at: string;
      /** @description With ChangesRequested: the note. */
      comment?: string;
      /** @description With ArticleUnpublished, ArticleKilled and (when given) ArticleSpiked: why. */
      reason?: string;
      /** @description With ArticleCreated, ArticleEdited and ArticleCorrected: the revision written. */
      revision?: number;
      /** @description The fields of the text this revision changed (all of them for the first). */
      fields?: ('headline' | 'standfirst' | 'body' | 'tags')[];
      /** @description With ArticleCorrected: the public note. */
      correction?: {
        /** @enum {string} */
        kind: 'correction' | 'update';
        /** @description The note readers see. */
        note: string;
      };
    };
    HistoryPage: {
      items: components['schemas']['HistoryEntry'][];
      nextCursor: string | null;
    };
    /** @description One revision of the text, without the text. */
    RevisionSummary: {
      revision: number;
      /** @description The article’s version when this text was written. */
      version: number;
      /**
       * @description How the revision came about: the first text, an edit, a public correction, or a restore.
       * @enum {string}
       */
      kind: 'created' | 'edited' | 'corrected' | 'restored';
      actor: {
        id: string;
        name: string;
      };
      /** Format: date-time */
      at: string;
      /** @description The fields of the text this revision changed (all of them for the first). */
      fields: ('headline' | 'standfirst' | 'body' | 'tags')[];
    };
    RevisionPage: {
      items: components['schemas']['RevisionSummary'][];
      nextCursor: string | null;
    };
    /** @description One revision of the text, as it was written. */
    Revision: {
      revision: number;
      /** @description The article’s version when this text was written. */
      version: number;
      /**
       * @description How the revision came about: the first text, an edit, a public correction, or a restore.
       * @enum {string}
       */
      kind: 'created' | 'edited' | 'corrected' | 'restored';
      actor: {
        id: string;
        name: string;
      };
      /** Format: date-time */
      at: string;
      headline: string;
      standfirst: string;
      body: string;
      tags: string[];
    };
    RevisionDiff: {
      revision: number;
      /** @description The revision compared with. */
      against: number;
      /** @description Only the fields that differ; tags are compared tag by tag. */
      fields: {
        headline?: components['schemas']['DiffPart'][];
        standfirst?: components['schemas']['DiffPart'][];
        body?: components['schemas']['DiffPart'][];
        tags?: components['schemas']['DiffPart'][];
      };
    };
    DiffPart: {
      /** @enum {string} */
      op: 'equal' | 'insert' | 'delete';
      text: string;
    };
    Comment: {
      /** @description Sorts as the comments were written. */
      id: string;
      author: {
        id: string;
        name: string;
      };
      text: string;
      /** @description The passage the comment is about. */
      quote: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: {
        id: string;
        name: string;
      } | null;
    };
    CommentPage: {
      items: components['schemas']['Comment'][];
      nextCursor: string | null;
    };
    /** @description An author’s profile, as article pages show it in the author box. */
    Profile: {
      /** @description The owner’s id (their token’s `sub`). */
      userId: string;
      name: string;
      bio: string;
      /** @description Their job in the newsroom, as readers see it (“Chief-Editor”). */
      function: string;
      /**
       * Format: date-time
       * @description When it was last saved; null while it never has been.
       */
      updatedAt: string | null;
      /** @description 0 while it has never been saved; its ETag is this number, quoted. */
      version: number;
    };
    /** @description Who was called: the target’s name and its origin, never its path, query or secret. */
    DeliveryTarget: {
      id: string;
      origin: string;
    };
    /** @description One event’s delivery to one webhook target. */
    Delivery: {
      eventId: string;
      /** @enum {string} */
      eventType:
        | 'ArticleCreated'
        | 'ArticleEdited'
        | 'ArticleSubmitted'
        | 'ArticleWithdrawn'
        | 'ChangesRequested'
        | 'ArticleApproved'
        | 'ArticleScheduled'
        | 'ArticleUnscheduled'
        | 'ArticlePublished'
        | 'ArticleCorrected'
        | 'ArticleUnpublished'
        | 'ArticleSpiked'
        | 'ArticleUnspiked'
        | 'ArticleKilled'
        | 'MediaReady'
        | 'MediaRejected'
        | 'CommentAdded';
      articleId: string;
      /** Format: date-time */
      occurredAt: string;
      target: components['schemas']['DeliveryTarget'];
      /**
       * @description `pending`: not attempted yet; `failed`: the latest attempt failed (being retried, or given up); `delivered`: answered 2xx.
       * @enum {string}
       */
      status: 'pending' | 'failed' | 'delivered';
      attempts: number;
      lastAttempt: {
        attempt: number;
        /** Format: date-time */
        at: string;
        /** @description What the target answered, if it answered. */
        statusCode?: number;
        /** @description Why there was no usable answer: unreachable, timed out, redirected. */
        error?: string;
        latencyMs: number;
      } | null;
      /** @description The latest attempts, oldest first. */
      recentAttempts: {
        attempt: number;
        /** Format: date-time */
        at: string;
        /** @description What the target answered, if it answered. */
        statusCode?: number;
        /** @description Why there was no usable answer: unreachable, timed out, redirected. */
        error?: string;
        latencyMs: number;
      }[];
      /** Format: date-time */
      updatedAt: string;
      /**
       * Format: date-time
       * @description When the record is dropped from the log.
       */
      expiresAt: string;
    };
    DeliveryPage: {
      items: components['schemas']['Delivery'][];
      nextCursor: string | null;
    };
    Redelivery: {
      eventId: string;
      /** @description The targets the event was handed to again. */
      targets: components['schemas']['DeliveryTarget'][];
    };
    Media: {
      id: string;
      filename: string;
      contentType: string;
      size: number;
      caption: string | null;
      credit: string | null;
      /**
       * @description Set by the server once it has checked the file; `expired` when the upload form ran out before the file arrived.
       * @enum {string}
       */
      status: 'pending' | 'ready' | 'rejected' | 'expired';
      /** @description Why a file was rejected or expired. */
      reason: string | null;
      width: number | null;
      height: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      verifiedAt: string | null;
      /** @description A short-lived link to the verified copy. */
      downloadUrl: string | null;
    };
    MediaList: {
      items: components['schemas']['Media'][];
    };
    /** @description The declared file, and the form that uploads it straight to storage. */
    MediaUpload: {
      id: string;
      filename: string;
      contentType: string;
      size: number;
      caption: string | null;
      credit: string | null;
      /**
       * @description Set by the server once it has checked the file; `expired` when the upload form ran out before the file arrived.
       * @enum {string}
       */
      status: 'pending' | 'ready' | 'rejected' | 'expired';
      /** @description Why a file was rejected or expired. */
      reason: string | null;
      width: number | null;
      height: number | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      verifiedAt: string | null;
      upload: {
        url: string;
        /** @description Send each as a form field, then the file as `file`. */
        fields: {
          [key: string]: string;
        };
        /** Format: date-time */
        expiresAt: string;
      };
    };
    /** @description A notification: the same JSON for webhooks, EventBridge and SNS. */
    Event: {
      /** @description Unique per event; also `webhook-id`. Deliveries are at least once: deduplicate by it. */
      id: string;
      /** @enum {string} */
      type:
        | 'ArticleCreated'
        | 'ArticleEdited'
        | 'ArticleSubmitted'
        | 'ArticleWithdrawn'
        | 'ChangesRequested'
        | 'ArticleApproved'
        | 'ArticleScheduled'
        | 'ArticleUnscheduled'
        | 'ArticlePublished'
        | 'ArticleCorrected'
        | 'ArticleUnpublished'
        | 'ArticleSpiked'
        | 'ArticleUnspiked'
        | 'ArticleKilled'
        | 'MediaReady'
        | 'MediaRejected'
        | 'CommentAdded';
      /** Format: date-time */
      occurredAt: string;
      articleId: string;
      version: number;
      /** @enum {string} */
      from: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
      /** @enum {string} */
      to: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
      actor: {
        id: string;
        name: string;
      };
      article: {
        headline: string;
        authorId: string;
        /** @enum {string} */
        status: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
        /** Format: date-time */
        publishAt: string | null;
        /** Format: date-time */
        publishedAt: string | null;
      };
      /** @description With ChangesRequested: the note; with CommentAdded: the comment. */
      comment?:
        | string
        | {
            id: string;
            author: {
              id: string;
              name: string;
            };
            text: string;
            quote: string | null;
          };
      /** @description With ArticleUnpublished, ArticleKilled and (when given) ArticleSpiked: why. */
      reason?: string;
      /** @description With ArticleCreated, ArticleEdited and ArticleCorrected: the revision the text became. */
      revision?: number;
      /** @description The fields of the text this revision changed (all of them for the first). */
      fields?: ('headline' | 'standfirst' | 'body' | 'tags')[];
      /** @description With ArticleCorrected: the public note. */
      correction?: {
        /** @enum {string} */
        kind: 'correction' | 'update';
        /** @description The note readers see. */
        note: string;
      };
      /** @description With ArticlePublished after a schedule: how late publication was. */
      lateByMs?: number;
      /** @description With MediaReady and MediaRejected: the file as verified. */
      media?: {
        id?: string;
        filename?: string;
        contentType?: string;
        size?: number;
        /**
         * @description Set by the server once it has checked the file; `expired` when the upload form ran out before the file arrived.
         * @enum {string}
         */
        status?: 'pending' | 'ready' | 'rejected' | 'expired';
        /** @description Why a file was rejected or expired. */
        reason?: string | null;
        width?: number | null;
        height?: number | null;
      };
    };
    CreateArticle: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      headline: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      standfirst?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      body: string;
      tags?: string[];
    };
    /** @description Give at least one field to change. */
    EditArticle: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      headline?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      standfirst?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      body?: string;
      tags?: string[];
    };
    NoInput: Record<string, never>;
    RequestChanges: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      comment: string;
    };
    Approve: {
      /** @description Must be an RFC 3339 date-time with Z or a ±HH:MM offset, such as 2027-01-01T06:00:00+01:00. */
      publishAt?: string;
    };
    Schedule: {
      /** @description Must be an RFC 3339 date-time with Z or a ±HH:MM offset, such as 2027-01-01T06:00:00+01:00. */
      publishAt: string;
    };
    MaybeReason: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      reason?: string;
    };
    Correct: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      headline?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      standfirst?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      body?: string;
      tags?: string[];
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      note: string;
      /** @enum {string} */
      kind?: 'correction' | 'update';
    };
    WithReason: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      reason: string;
    };
    AttachMedia: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      filename: string;
      contentType: string;
      size: number;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      caption?: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      credit?: string;
    };
    /** @description Give a caption or a credit to change. */
    EditMedia: {
      caption?: string | null;
      credit?: string | null;
    };
    AddComment: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      text: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      quote?: string;
    };
    EditProfile: {
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
      name: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      bio: string;
      /** @description Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. */
      function: string;
    };
  };
  responses: {
    /** @description The input is not valid: `errors` points at each problem. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No valid bearer token. The gateway answers `{"message":"Unauthorized"}` with `WWW-Authenticate`; a token that is not an ID token gets a problem. */
    Unauthorized: {
      headers: {
        'WWW-Authenticate': components['headers']['WWW-Authenticate'];
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
        'application/json': components['schemas']['GatewayMessage'];
      };
    };
    /** @description The caller’s role may not do this. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description No such article (or file, revision, comment or event), or the caller may not see it. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Not possible in the article’s current status (`currentStatus`), or a request with the same Idempotency-Key is still running; the operation’s description names any other conflict. */
    Conflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The article changed since the ETag in `If-Match` (`currentVersion`): read it again. */
    PreconditionFailed: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description The body, or the declared file, is over its limit. */
    PayloadTooLarge: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
        'application/json': components['schemas']['GatewayMessage'];
      };
    };
    /** @description The body is not `application/json`, or the declared file type is not taken. */
    UnsupportedMediaType: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description This Idempotency-Key was used with a different request. */
    UnprocessableContent: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description Send `If-Match` with the ETag of the version you read. */
    PreconditionRequired: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
      };
    };
    /** @description In AWS only: past the stage’s throttling rate or burst. Retry with backoff. */
    TooManyRequests: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['GatewayMessage'];
      };
    };
    /** @description Something went wrong on the newsroom’s side; it has been logged. */
    InternalServerError: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/problem+json': components['schemas']['Problem'];
        'application/json': components['schemas']['GatewayMessage'];
      };
    };
  };
  parameters: {
    /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
    'Idempotency-Key': string;
  };
  requestBodies: never;
  headers: {
    /** @description The version of the article (or profile), quoted (`"3"`): send it back in `If-Match`. */
    ETag: string;
    /** @description Where the new article is. */
    Location: string;
    /** @description `true` when this is the first answer to the same Idempotency-Key, replayed. */
    'Idempotent-Replayed': 'true';
    /** @description The bearer challenge, with the reason a token was refused; sent with the gateway’s 401 (`{"message":"Unauthorized"}`). */
    'WWW-Authenticate': string;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The service is up. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The OpenAPI document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getApiReference: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The reference page. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/html': string;
        };
      };
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  listArticles: {
    parameters: {
      query?: {
        /** @description Only articles in this status. */
        status?: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'spiked' | 'killed';
        /** @description Only this author’s articles (reporters see another author’s published articles only). */
        author?: string;
        /** @description `createdAt` (newest first, the default), `updatedAt` (last changed first: an edit or a transition moves an article to the top) or `publishAt` (soonest first; needs `status=scheduled`, where it is the default). Not with `tag`. */
        sort?: 'createdAt' | 'updatedAt' | 'publishAt';
        /** @description Only articles with this tag, matched on the normalised tag (Unicode NFKC, case-insensitive), newest first; combines with `status` and `author`, not with `sort=updatedAt` or `sort=publishAt` (400). Must not contain a lone surrogate (invalid Unicode). Must not contain control characters other than tab and line feed. Must not be blank. */
        tag?: string;
        /** @description Articles per page. Must be between 1 and 100. */
        limit?: string;
        /** @description The `nextCursor` of the previous page, with the same query. */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of articles. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *           "status": "draft",
           *           "version": 1,
           *           "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *           "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *           "tags": [
           *             "tajikistan",
           *             "afghanistan"
           *           ],
           *           "authorId": "rita",
           *           "authorName": "Killian Jones",
           *           "createdAt": "2026-11-25T09:30:00.000Z",
           *           "updatedAt": "2026-11-25T09:30:00.000Z",
           *           "submittedAt": null,
           *           "approvedBy": null,
           *           "approvedAt": null,
           *           "publishAt": null,
           *           "publishedAt": null,
           *           "allowedActions": [
           *             "edit",
           *             "submit",
           *             "spike"
           *           ]
           *         }
           *       ],
           *       "nextCursor": null
           *     }
           */
          'application/json': components['schemas']['ArticlePage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  createArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
         *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
         *       "tags": [
         *         "tajikistan",
         *         "afghanistan"
         *       ]
         *     }
         */
        'application/json': components['schemas']['CreateArticle'];
      };
    };
    responses: {
      /** @description The new draft. */
      201: {
        headers: {
          ETag: components['headers']['ETag'];
          Location: components['headers']['Location'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getArticle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The article. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  editArticle: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412. */
        'If-Match': string;
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts."
         *     }
         */
        'application/json': components['schemas']['EditArticle'];
      };
    };
    responses: {
      /** @description The edited article, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      428: components['responses']['PreconditionRequired'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getArticleHistory: {
    parameters: {
      query?: {
        /** @description Must be between 1 and 100. */
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:2:ArticleSubmitted",
           *           "version": 2,
           *           "type": "ArticleSubmitted",
           *           "from": "draft",
           *           "to": "in_review",
           *           "actor": {
           *             "id": "rita",
           *             "name": "Rita Reporter"
           *           },
           *           "at": "2026-11-25T09:30:00.000Z"
           *         }
           *       ],
           *       "nextCursor": null
           *     }
           */
          'application/json': components['schemas']['HistoryPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  submitArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoInput'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  withdrawArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoInput'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  requestChanges: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "comment": "Attribute the 20,000 figure."
         *     }
         */
        'application/json': components['schemas']['RequestChanges'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  approveArticle: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412. */
        'If-Match': string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "publishAt": "2026-11-26T06:00:00+01:00"
         *     }
         */
        'application/json': components['schemas']['Approve'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      428: components['responses']['PreconditionRequired'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  scheduleArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "publishAt": "2026-11-26T07:00:00Z"
         *     }
         */
        'application/json': components['schemas']['Schedule'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  unscheduleArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoInput'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  publishArticle: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412. */
        'If-Match': string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoInput'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      428: components['responses']['PreconditionRequired'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  spikeArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        /**
         * @example {
         *       "reason": "Legal advice: the source withdrew."
         *     }
         */
        'application/json': components['schemas']['MaybeReason'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  unspikeArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoInput'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  correctArticle: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412. */
        'If-Match': string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
         *       "note": "An earlier version misstated the number of crossings.",
         *       "kind": "correction"
         *     }
         */
        'application/json': components['schemas']['Correct'];
      };
    };
    responses: {
      /** @description The corrected article, with its new revision, its note in `corrections`, and its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      428: components['responses']['PreconditionRequired'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  unpublishArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "Legal advice: the source withdrew."
         *     }
         */
        'application/json': components['schemas']['WithReason'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  killArticle: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
        /** @description Makes a retry safe: the same key and request get the first answer again (with `Idempotent-Replayed: true`) and change nothing. */
        'Idempotency-Key'?: components['parameters']['Idempotency-Key'];
      };
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "reason": "Legal advice: the source withdrew."
         *     }
         */
        'application/json': components['schemas']['WithReason'];
      };
    };
    responses: {
      /** @description The article after the transition, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          'Idempotent-Replayed': components['headers']['Idempotent-Replayed'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      422: components['responses']['UnprocessableContent'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  listRevisions: {
    parameters: {
      query?: {
        /** @description Must be between 1 and 100. */
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of revisions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "revision": 2,
           *           "version": 3,
           *           "kind": "edited",
           *           "actor": {
           *             "id": "eddie",
           *             "name": "Eddie Editor"
           *           },
           *           "at": "2026-11-25T09:30:00.000Z",
           *           "fields": [
           *             "standfirst"
           *           ]
           *         },
           *         {
           *           "revision": 1,
           *           "version": 1,
           *           "kind": "created",
           *           "actor": {
           *             "id": "rita",
           *             "name": "Rita Reporter"
           *           },
           *           "at": "2026-11-25T09:30:00.000Z",
           *           "fields": [
           *             "headline",
           *             "standfirst",
           *             "body",
           *             "tags"
           *           ]
           *         }
           *       ],
           *       "nextCursor": null
           *     }
           */
          'application/json': components['schemas']['RevisionPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getRevision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The revision number (1 is the first text). */
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The revision. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "revision": 1,
           *       "version": 1,
           *       "kind": "created",
           *       "actor": {
           *         "id": "rita",
           *         "name": "Rita Reporter"
           *       },
           *       "at": "2026-11-25T09:30:00.000Z",
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Revision'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  diffRevision: {
    parameters: {
      query?: {
        against?: string;
      };
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The revision number (1 is the first text). */
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The changed fields, each as a list of kept, inserted and deleted parts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "revision": 2,
           *       "against": 1,
           *       "fields": {
           *         "standfirst": [
           *           {
           *             "op": "equal",
           *             "text": "Thousands "
           *           },
           *           {
           *             "op": "delete",
           *             "text": "fled"
           *           },
           *           {
           *             "op": "insert",
           *             "text": "crossed"
           *           }
           *         ]
           *       }
           *     }
           */
          'application/json': components['schemas']['RevisionDiff'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  restoreRevision: {
    parameters: {
      query?: never;
      header: {
        /** @description The ETag of the version you read (`"3"`); without it the answer is 428, with a stale one 412. */
        'If-Match': string;
      };
      path: {
        /** @description The article id. */
        id: string;
        /** @description The revision number (1 is the first text). */
        revision: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The article with the restored text, and its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *       "status": "draft",
           *       "version": 1,
           *       "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
           *       "standfirst": "The Taliban are offering peace talks. But more than 1,000 security guards have just fled the country – more than ever before. Tajikistan reacts.",
           *       "body": "The Central Asian Republic of Tajikistan is mobilizing 20,000 reservists to protect its more than 900 kilometers long border with Afghanistan. This was ordered by President Emomali Rahmon after more than 1,000 Afghan soldiers fled the Islamist Taliban fighters to the ex-Soviet republic on Monday night. It was the largest number of people within a day who wanted to get to safety.\n\nThe Tajik border troops announced that the people had been allowed into the country as a sign of good neighborly relations. Members of the Afghan government troops had fled the Taliban in Badakhshan province in the days before.\n\nThe Islamists are on the advance in northern Afghanistan and have taken control of numerous districts there. Tajikistan claims that it still has control of its border. Russia also expressed concern about the situation. The Kremlin laments the destabilization in Afghanistan and blames the withdrawal of US troops and their allies.\n\nTaliban promise peace plan and talks\n\nDespite their advance in Afghanistan, the Taliban hold out the prospect of progress in their peace efforts. “The peace talks and the process will accelerate in the coming days, and it is expected that they will enter an important phase. Of course, it will be about peace plans,” Taliban spokesman Sabihullah Mujahid told Reuters on Monday. “It may take a month to reach the stage where both sides share their written peace plan.” The latest round of talks is at a critical point. “Although we (the Taliban) have the upper hand on the battlefield, we take conversations and dialogues very seriously.”\n\nThe spokeswoman for the Afghan Ministry of Peace, Nadschia Anwari, confirmed that the talks that had been on hold had resumed. However, it is difficult to imagine that the Taliban would present a written version of their peace plan in a month. “But let’s be positive. We hope that you (them) will present so that we can understand what you want.”\n\nSince the international troops began to withdraw from Afghanistan, the Taliban have stepped up their advance. Little by little they bring more and more areas under their control. This raises doubts as to whether they are really serious about the peace talks. The situation has recently come to a head, particularly in the north. On Sunday, more than 1,000 soldiers fled the advancing Taliban to neighboring Tajikistan, as the local border guard announced. The Afghan government’s national security advisor, Hamdullah Mohib, announced a counter-offensive.",
           *       "tags": [
           *         "tajikistan",
           *         "afghanistan"
           *       ],
           *       "authorId": "rita",
           *       "authorName": "Killian Jones",
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "submittedAt": null,
           *       "approvedBy": null,
           *       "approvedAt": null,
           *       "publishAt": null,
           *       "publishedAt": null,
           *       "revision": 1,
           *       "corrections": [],
           *       "changesRequested": null,
           *       "slug": null,
           *       "url": null,
           *       "allowedActions": [
           *         "edit",
           *         "submit",
           *         "spike"
           *       ]
           *     }
           */
          'application/json': components['schemas']['Article'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      412: components['responses']['PreconditionFailed'];
      428: components['responses']['PreconditionRequired'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  listMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The files. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "id": "5d1c7e0a-93b4-4a8e-b0f2-6c4e8a1d2f37",
           *           "filename": "border-post.jpg",
           *           "contentType": "image/jpeg",
           *           "size": 482113,
           *           "caption": "The border post at Panji Poyon",
           *           "credit": "Newsroom",
           *           "status": "ready",
           *           "reason": null,
           *           "width": 1600,
           *           "height": 1067,
           *           "createdAt": "2026-11-25T09:30:00.000Z",
           *           "verifiedAt": "2026-11-25T09:31:02.000Z",
           *           "downloadUrl": "https://media.example/border-post.jpg?X-Amz-Signature=…"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['MediaList'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  attachMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "filename": "border-post.jpg",
         *       "contentType": "image/jpeg",
         *       "size": 482113,
         *       "caption": "The border post at Panji Poyon",
         *       "credit": "Newsroom"
         *     }
         */
        'application/json': components['schemas']['AttachMedia'];
      };
    };
    responses: {
      /** @description The declared file and its upload form. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "5d1c7e0a-93b4-4a8e-b0f2-6c4e8a1d2f37",
           *       "filename": "border-post.jpg",
           *       "contentType": "image/jpeg",
           *       "size": 482113,
           *       "caption": "The border post at Panji Poyon",
           *       "credit": "Newsroom",
           *       "status": "pending",
           *       "reason": null,
           *       "width": null,
           *       "height": null,
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "verifiedAt": null,
           *       "upload": {
           *         "url": "https://newsroom-media.s3.amazonaws.com/",
           *         "fields": {
           *           "key": "media/0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40/5d1c7e0a-93b4-4a8e-b0f2-6c4e8a1d2f37",
           *           "Content-Type": "image/jpeg"
           *         },
           *         "expiresAt": "2026-11-25T09:30:00.000Z"
           *       }
           *     }
           */
          'application/json': components['schemas']['MediaUpload'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  removeMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The file id. */
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  describeMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The file id. */
        mediaId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "caption": "The border post at Panji Poyon, on the Afghan side",
         *       "credit": null
         *     }
         */
        'application/json': components['schemas']['EditMedia'];
      };
    };
    responses: {
      /** @description The file as it is now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "5d1c7e0a-93b4-4a8e-b0f2-6c4e8a1d2f37",
           *       "filename": "border-post.jpg",
           *       "contentType": "image/jpeg",
           *       "size": 482113,
           *       "caption": "The border post at Panji Poyon",
           *       "credit": "Newsroom",
           *       "status": "ready",
           *       "reason": null,
           *       "width": 1600,
           *       "height": 1067,
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "verifiedAt": "2026-11-25T09:31:02.000Z",
           *       "downloadUrl": "https://media.example/border-post.jpg?X-Amz-Signature=…"
           *     }
           */
          'application/json': components['schemas']['Media'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  listDeliveries: {
    parameters: {
      query?: {
        status?: 'pending' | 'failed' | 'delivered';
        articleId?: string;
        /** @description Must be between 1 and 100. */
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "eventId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticlePublished",
           *           "eventType": "ArticlePublished",
           *           "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
           *           "occurredAt": "2026-11-25T09:30:00.000Z",
           *           "target": {
           *             "id": "webhook-1",
           *             "origin": "https://hooks.example"
           *           },
           *           "status": "delivered",
           *           "attempts": 1,
           *           "lastAttempt": {
           *             "attempt": 1,
           *             "at": "2026-11-25T09:30:00.000Z",
           *             "statusCode": 204,
           *             "latencyMs": 87
           *           },
           *           "recentAttempts": [
           *             {
           *               "attempt": 1,
           *               "at": "2026-11-25T09:30:00.000Z",
           *               "statusCode": 204,
           *               "latencyMs": 87
           *             }
           *           ],
           *           "updatedAt": "2026-11-25T09:30:00.000Z",
           *           "expiresAt": "2026-12-02T09:30:00.000Z"
           *         }
           *       ],
           *       "nextCursor": null
           *     }
           */
          'application/json': components['schemas']['DeliveryPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  redeliverEvent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The event id (`webhook-id`). */
        eventId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event is queued again for the targets named. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "eventId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticlePublished",
           *       "targets": [
           *         {
           *           "id": "webhook-1",
           *           "origin": "https://hooks.example"
           *         }
           *       ]
           *     }
           */
          'application/json': components['schemas']['Redelivery'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  listComments: {
    parameters: {
      query?: {
        /** @description Must be between 1 and 100. */
        limit?: string;
        cursor?: string;
      };
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of comments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "items": [
           *         {
           *           "id": "1795599000000-9b2f4c1d7e3a",
           *           "author": {
           *             "id": "eddie",
           *             "name": "Eddie Editor"
           *           },
           *           "text": "Who counted the 20,000?",
           *           "quote": null,
           *           "createdAt": "2026-11-25T09:30:00.000Z",
           *           "resolvedAt": null,
           *           "resolvedBy": null
           *         }
           *       ],
           *       "nextCursor": null
           *     }
           */
          'application/json': components['schemas']['CommentPage'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  addComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "text": "Who counted the 20,000?",
         *       "quote": "More than 20,000 people crossed"
         *     }
         */
        'application/json': components['schemas']['AddComment'];
      };
    };
    responses: {
      /** @description The new comment. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "1795599000000-9b2f4c1d7e3a",
           *       "author": {
           *         "id": "eddie",
           *         "name": "Eddie Editor"
           *       },
           *       "text": "Who counted the 20,000?",
           *       "quote": null,
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "resolvedAt": null,
           *       "resolvedBy": null
           *     }
           */
          'application/json': components['schemas']['Comment'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  resolveComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The comment id. */
        commentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The comment, resolved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "id": "1795599000000-9b2f4c1d7e3a",
           *       "author": {
           *         "id": "eddie",
           *         "name": "Eddie Editor"
           *       },
           *       "text": "Who counted the 20,000?",
           *       "quote": null,
           *       "createdAt": "2026-11-25T09:30:00.000Z",
           *       "resolvedAt": null,
           *       "resolvedBy": null
           *     }
           */
          'application/json': components['schemas']['Comment'];
        };
      };
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  deleteComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The article id. */
        id: string;
        /** @description The comment id. */
        commentId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['Conflict'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getMyProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your profile, with its ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "userId": "killian",
           *       "name": "Killian Jones",
           *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
           *       "function": "Chief-Editor",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "version": 1
           *     }
           */
          'application/json': components['schemas']['Profile'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  saveMyProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "Killian Jones",
         *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
         *       "function": "Chief-Editor"
         *     }
         */
        'application/json': components['schemas']['EditProfile'];
      };
    };
    responses: {
      /** @description The profile as saved, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "userId": "killian",
           *       "name": "Killian Jones",
           *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
           *       "function": "Chief-Editor",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "version": 1
           *     }
           */
          'application/json': components['schemas']['Profile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  getProfile: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The user id (the `sub` of their token). */
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The profile, with its ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "userId": "killian",
           *       "name": "Killian Jones",
           *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
           *       "function": "Chief-Editor",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "version": 1
           *     }
           */
          'application/json': components['schemas']['Profile'];
        };
      };
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  saveProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you read (`"3"`); a stale one gets 412. */
        'If-Match'?: string;
      };
      path: {
        /** @description The user id (the `sub` of their token). */
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "name": "Killian Jones",
         *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
         *       "function": "Chief-Editor"
         *     }
         */
        'application/json': components['schemas']['EditProfile'];
      };
    };
    responses: {
      /** @description The profile as saved, with its new ETag. */
      200: {
        headers: {
          ETag: components['headers']['ETag'];
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "userId": "killian",
           *       "name": "Killian Jones",
           *       "bio": "Graduated from Princeton University. He has been at the USTV since 2017.",
           *       "function": "Chief-Editor",
           *       "updatedAt": "2026-11-25T09:30:00.000Z",
           *       "version": 1
           *     }
           */
          'application/json': components['schemas']['Profile'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      412: components['responses']['PreconditionFailed'];
      413: components['responses']['PayloadTooLarge'];
      415: components['responses']['UnsupportedMediaType'];
      429: components['responses']['TooManyRequests'];
      500: components['responses']['InternalServerError'];
    };
  };
  onArticleCreated: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleCreated",
         *       "type": "ArticleCreated",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleEdited: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleEdited",
         *       "type": "ArticleEdited",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleSubmitted: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleSubmitted",
         *       "type": "ArticleSubmitted",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleWithdrawn: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleWithdrawn",
         *       "type": "ArticleWithdrawn",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onChangesRequested: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ChangesRequested",
         *       "type": "ChangesRequested",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleApproved: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleApproved",
         *       "type": "ArticleApproved",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleScheduled: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleScheduled",
         *       "type": "ArticleScheduled",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleUnscheduled: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleUnscheduled",
         *       "type": "ArticleUnscheduled",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticlePublished: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticlePublished",
         *       "type": "ArticlePublished",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleCorrected: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleCorrected",
         *       "type": "ArticleCorrected",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleUnpublished: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleUnpublished",
         *       "type": "ArticleUnpublished",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleSpiked: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleSpiked",
         *       "type": "ArticleSpiked",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleUnspiked: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleUnspiked",
         *       "type": "ArticleUnspiked",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onArticleKilled: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:ArticleKilled",
         *       "type": "ArticleKilled",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onMediaReady: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:MediaReady",
         *       "type": "MediaReady",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onMediaRejected: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:MediaRejected",
         *       "type": "MediaRejected",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  onCommentAdded: {
    parameters: {
      query?: never;
      header: {
        /** @description The event id (Standard Webhooks). */
        'webhook-id': string;
        /** @description Unix seconds, taken at each attempt. Refuse a delivery more than 5 minutes off. */
        'webhook-timestamp': string;
        /** @description `v1,` and the base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed by the base64 after `whsec_` in the secret (Standard Webhooks 1.0). */
        'webhook-signature': string;
        /** @description The event type. */
        'X-Newsroom-Event':
          | 'ArticleCreated'
          | 'ArticleEdited'
          | 'ArticleSubmitted'
          | 'ArticleWithdrawn'
          | 'ChangesRequested'
          | 'ArticleApproved'
          | 'ArticleScheduled'
          | 'ArticleUnscheduled'
          | 'ArticlePublished'
          | 'ArticleCorrected'
          | 'ArticleUnpublished'
          | 'ArticleSpiked'
          | 'ArticleUnspiked'
          | 'ArticleKilled'
          | 'MediaReady'
          | 'MediaRejected'
          | 'CommentAdded';
        /** @description The event id. */
        'X-Newsroom-Event-Id': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        /**
         * @example {
         *       "id": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40:4:CommentAdded",
         *       "type": "CommentAdded",
         *       "occurredAt": "2026-11-25T09:30:00.000Z",
         *       "articleId": "0f8e4c52-6a1b-4f7e-9d3c-2b5a7e1c9d40",
         *       "version": 4,
         *       "from": "in_review",
         *       "to": "published",
         *       "actor": {
         *         "id": "carla",
         *         "name": "Carla Chief"
         *       },
         *       "article": {
         *         "headline": "Border with Afghanistan – Tajikistan mobilizes 20,000 troops",
         *         "authorId": "rita",
         *         "status": "published",
         *         "publishAt": null,
         *         "publishedAt": "2026-11-25T09:30:00.000Z"
         *       }
         *     }
         */
        'application/json': components['schemas']['Event'];
      };
    };
    responses: {
      /** @description Received; the delivery is done. */
      '2XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Refused; the newsroom tries again later, with backoff. */
      '4XX': {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
}
