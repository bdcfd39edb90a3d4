import type { Actor, Article, Status } from './article.js';
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
  /** For ArticlePublished after a schedule: how late publication was, in milliseconds. */
  lateByMs?: number;
  /** For MediaReady and MediaRejected: the file as verified. */
  media?: Pick<Media, 'id' | 'filename' | 'contentType' | 'size' | 'status' | 'reason' | 'width' | 'height'>;
}

export const eventId = (articleId: string, version: number, type: EventType) => `${articleId}:${version}:${type}`;

/** The events one transition emits, all carrying the article as it is after it. */
export function eventsFor(rule: WorkflowRule, after: Article, ctx: { actor: Actor; now: string; comment?: string }): DomainEvent[] {
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
      article: {
        headline: after.headline,
        authorId: after.authorId,
        status: after.status,
        publishAt: after.publishAt,
        publishedAt: after.publishedAt,
      },
    };
    if (ctx.comment !== undefined) event.comment = ctx.comment;
    if (type === 'ArticlePublished' && after.publishAt && after.publishedAt) {
      event.lateByMs = Math.max(0, Date.parse(after.publishedAt) - Date.parse(after.publishAt));
    }
    return event;
  });
}

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
    article: {
      headline: article.headline,
      authorId: article.authorId,
      status: article.status,
      publishAt: article.publishAt,
      publishedAt: article.publishedAt,
    },
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
}

export function toHistoryEntry(e: DomainEvent): HistoryEntry {
  const entry: HistoryEntry = { id: e.id, version: e.version, type: e.type, from: e.from, to: e.to, actor: e.actor, at: e.occurredAt };
  if (typeof e.comment === 'string') entry.comment = e.comment;
  return entry;
}
