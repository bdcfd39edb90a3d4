import type { Actor, Article } from './article.js';
import { eventArticle, type DomainEvent } from './events.js';

/** A note on an article, from its author or the desk, optionally about one passage (`quote`). */
export interface Comment {
  id: string;
  author: { id: string; name: string };
  text: string;
  quote: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
}

export const COMMENT_LIMITS = { text: 5_000, quote: 500, page: { min: 1, max: 100, default: 50 } } as const;

/** Statuses after which nothing may happen to an article, its comments included (409). */
export const TERMINAL_STATUSES: readonly string[] = ['killed'];
export const isTerminal = (article: Pick<Article, 'status'>) => TERMINAL_STATUSES.includes(article.status);

/** Who may read and write an article's comments: its author and the desk; for anyone else they do not exist. */
export const canComment = (actor: Actor, article: Pick<Article, 'authorId'>) =>
  article.authorId === actor.id || actor.groups.includes('editors') || actor.groups.includes('chief-editors');

/**
 * Comment ids sort as the comments were written: milliseconds since the epoch, then 12 hex
 * digits (random for a comment, from the event id for a request-changes note).
 */
export const COMMENT_ID = /^\d{13}-[0-9a-f]{12}$/;
export const commentId = (at: string, suffix: string) => `${String(Date.parse(at)).padStart(13, '0')}-${suffix.slice(0, 12)}`;

/** The payload a CommentAdded event carries. */
export type EventComment = Pick<Comment, 'id' | 'author' | 'text' | 'quote'>;

/** CommentAdded: not a transition, so the article keeps its status and version. */
export function commentAddedEvent(article: Article, comment: Comment, actor: Actor): DomainEvent {
  const { id, author, text, quote } = comment;
  return {
    id: `${article.id}:comment:${id}:CommentAdded`,
    type: 'CommentAdded',
    occurredAt: comment.createdAt,
    articleId: article.id,
    version: article.version,
    from: article.status,
    to: article.status,
    actor: { id: actor.id, name: actor.name },
    article: eventArticle(article),
    comment: { id, author, text, quote },
  };
}

/**
 * The comment an event puts in the thread: the comment of a CommentAdded, and the note of a
 * request-changes (ChangesRequested), whose id comes from the event's (`hash`: hex digest of it).
 */
export function commentFromEvent(e: DomainEvent, hash: (s: string) => string): Comment | undefined {
  if (e.type === 'CommentAdded' && typeof e.comment === 'object') {
    return { ...e.comment, createdAt: e.occurredAt, resolvedAt: null, resolvedBy: null };
  }
  if (e.type === 'ChangesRequested' && typeof e.comment === 'string') {
    return {
      id: commentId(e.occurredAt, hash(e.id)),
      author: e.actor,
      text: e.comment,
      quote: null,
      createdAt: e.occurredAt,
      resolvedAt: null,
      resolvedBy: null,
    };
  }
  return undefined;
}
