import type { Actor, Article, Correction, RevisionInfo, Status } from './article.js';
import type { EventComment } from './comments.js';
import type { Media } from './media.js';
import type { EventType, WorkflowRule } from './workflow.js';

/**
 * A domain event as subscribers receive it. `id` is stable across redeliveries,
 * so receivers drop duplicates by it.
 */
export interface DomainEvent {
  id: string;
  type: EventType;
  occurredAt: string;
  articleId: string;
  version: number;
  from: Status;
  to: Status;
  actor: { id: string; name: string };
  article: {
    headline: string;
    authorId: string;
    status: Status;
    publishAt: string | null;
    publishedAt: string | null;
  };
  /** ChangesRequested: the editor's note; CommentAdded: the comment. */
  comment?: string | EventComment;
  /** For ArticleUnpublished, ArticleKilled and (when given) ArticleSpiked: why. */
  reason?: string;
  /** For ArticleCreated, ArticleEdited and ArticleCorrected: the revision the text became, and what changed. */
  revision?: number;
  fields?: RevisionInfo['fields'];
  /** For ArticleCorrected: the public note. */
  correction?: Pick<Correction, 'kind' | 'note'>;
  /** For ArticlePublished after a schedule: how late publication was, in milliseconds. */
  lateByMs?: number;
  /** For MediaReady and MediaRejected: the file as verified. */
  media?: Pick<Media, 'id' | 'filename' | 'contentType' | 'size' | 'status' | 'reason' | 'width' | 'height'>;
}

/** What every event says of its article: enough to route and show it, never its text. */
export const eventArticle = (a: Article): DomainEvent['article'] => ({
  headline: a.headline,
  authorId: a.authorId,
  status: a.status,
  publishAt: a.publishAt,
  publishedAt: a.publishedAt,
});

export const eventId = (articleId: string, version: number, type: EventType) => `${articleId}:${version}:${type}`;

/** What a transition's events say beyond the article itself. */
export interface EventDetails {
  actor: Actor;
  now: string;
  comment?: string;
  reason?: string;
  /** For content changes: the revision written. */
  revision?: Pick<RevisionInfo, 'revision' | 'fields'>;
  correction?: Pick<Correction, 'kind' | 'note'>;
}

/** The events one transition emits, all carrying the article as it is after it. */
export function eventsFor(rule: Pick<WorkflowRule, 'events' | 'from' | 'to'>, after: Article, ctx: EventDetails): DomainEvent[] {
  return rule.events.map((type) => {
    const event: DomainEvent = {
      id: eventId(after.id, after.version, type),
      type,
      occurredAt: ctx.now,
      articleId: after.id,
      version: after.version,
      from: rule.from,
      to: rule.to,
      actor: { id: ctx.actor.id, name: ctx.actor.name },
      article: eventArticle(after),
    };
    if (ctx.comment !== undefined) event.comment = ctx.comment;
    if (ctx.reason !== undefined) event.reason = ctx.reason;
    if (ctx.revision) Object.assign(event, ctx.revision);
    if (ctx.correction) event.correction = ctx.correction;
    if (type === 'ArticlePublished' && after.publishAt && after.publishedAt) {
      event.lateByMs = Math.max(0, Date.parse(after.publishedAt) - Date.parse(after.publishAt));
    }
    return event;
  });
}

/** ArticleCreated: the first revision of a new draft. */
export const createdEvent = (article: Article, actor: Actor) =>
  eventsFor({ events: ['ArticleCreated'], from: 'draft', to: 'draft' }, article, {
    actor,
    now: article.createdAt,
    revision: { revision: 1, fields: article.lastRevision!.fields },
  });

/** MediaReady or MediaRejected, when the verifier has looked at an upload. */
export function mediaEvent(article: Article, media: Media, ctx: { actor: Actor; now: string }): DomainEvent {
  const type = media.status === 'ready' ? 'MediaReady' : 'MediaRejected';
  const { id, filename, contentType, size, status, reason, width, height } = media;
  return {
    id: `${article.id}:media:${media.id}:${type}`,
    type,
    occurredAt: ctx.now,
    articleId: article.id,
    version: article.version,
    from: article.status,
    to: article.status,
    actor: { id: ctx.actor.id, name: ctx.actor.name },
    article: eventArticle(article),
    media: { id, filename, contentType, size, status, reason, width, height },
  };
}

/** One line of an article's history, as GET /articles/{id}/history shows it. */
export interface HistoryEntry {
  id: string;
  version: number;
  type: EventType;
  from: Status;
  to: Status;
  actor: { id: string; name: string };
  at: string;
  comment?: string;
  reason?: string;
  revision?: number;
  fields?: RevisionInfo['fields'];
  correction?: Pick<Correction, 'kind' | 'note'>;
}

export function toHistoryEntry(e: DomainEvent): HistoryEntry {
  const entry: HistoryEntry = { id: e.id, version: e.version, type: e.type, from: e.from, to: e.to, actor: e.actor, at: e.occurredAt };
  if (typeof e.comment === 'string') entry.comment = e.comment;
  for (const k of ['reason', 'revision', 'fields', 'correction'] as const) {
    if (e[k] !== undefined) Object.assign(entry, { [k]: e[k] });
  }
  return entry;
}
