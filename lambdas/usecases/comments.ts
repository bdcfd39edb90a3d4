import type { Actor, Article } from '../domain/article.js';
import { canComment, COMMENT_ID, COMMENT_LIMITS, commentAddedEvent, commentId, isTerminal, type Comment } from '../domain/comments.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { readArticle, type Input } from './articles.js';
import { WriteConflict, type ArticleReader } from './ports.js';
import { AddComment, CommentsQuery, parseInput } from './schemas.js';

export interface CommentPage {
  items: Comment[];
  nextCursor: string | null;
}

/** A comment item as stored: deleted ones leave a tombstone without their text. */
export type StoredComment = { id: string; deleted: true; comment?: undefined } | { id: string; deleted: false; comment: Comment };

export interface CommentRepository extends ArticleReader {
  /** Comments whose events are still in the outbox of `article` as read. */
  pending(article: Article): Comment[];
  /** Appends CommentAdded to the article's outbox, if it is still at the version `seen` has (else WriteConflict). */
  addComment(seen: Article, event: DomainEvent): Promise<void>;
  getComment(articleId: string, commentId: string): Promise<StoredComment | undefined>;
  resolveComment(articleId: string, comment: Comment, by: Comment['author'], at: string): Promise<Comment | undefined>;
  deleteComment(articleId: string, comment: Comment, at: string): Promise<boolean>;
  comments(article: Article, page: { limit: number; cursor?: string }): Promise<CommentPage>;
}

export interface CommentDeps {
  articles: CommentRepository;
  now: () => Date;
  newId: () => string;
}

const noSuchComment = () => notFound('No such comment on this article.');

/** The article, if the caller may see its thread: its author and the desk; for anyone else it does not exist (404). */
async function threadOf(deps: CommentDeps, actor: Actor, id: string): Promise<Article> {
  const article = await readArticle(deps, actor, id);
  if (!canComment(actor, article)) throw notFound();
  return article;
}

/** Nothing happens to a killed article any more, its comments included (409). */
function refuseIfTerminal(article: Article): void {
  if (isTerminal(article)) {
    throw conflict(`Comments on an article that is ${article.status} cannot change.`, { currentStatus: article.status });
  }
}

/**
 * Adds a comment: one conditional write on the article, carrying CommentAdded in its outbox. The
 * comment item is derived from that event (by the dispatcher), so there is never a comment without
 * its event; until it is recorded, the thread shows it from the outbox.
 */
export async function addComment(deps: CommentDeps, actor: Actor, id: string, input: Input): Promise<Comment> {
  let article = await threadOf(deps, actor, id);
  const { text, quote } = parseInput(AddComment, input());
  const createdAt = deps.now().toISOString();
  const comment: Comment = {
    id: commentId(createdAt, deps.newId().replace(/-/g, '')),
    author: { id: actor.id, name: actor.name },
    text,
    quote: quote ?? null,
    createdAt,
    resolvedAt: null,
    resolvedBy: null,
  };
  for (let attempt = 0; ; attempt++) {
    refuseIfTerminal(article);
    try {
      await deps.articles.addComment(article, commentAddedEvent(article, comment, actor));
      return comment;
    } catch (err) {
      // The article moved on meanwhile: the event must carry it as it is, in version order.
      if (!(err instanceof WriteConflict) || attempt >= 5) throw err;
      article = await threadOf(deps, actor, id);
    }
  }
}

export async function listComments(
  deps: CommentDeps,
  actor: Actor,
  id: string,
  query: Record<string, string | undefined> = {},
): Promise<CommentPage> {
  const article = await threadOf(deps, actor, id);
  const q = parseInput(CommentsQuery, query, '/query');
  return deps.articles.comments(article, { limit: q.limit ? Number(q.limit) : COMMENT_LIMITS.page.default, cursor: q.cursor });
}

/** The comment, recorded or still in the outbox of the article as read; undefined when there is none (or it was deleted). */
async function findComment(deps: CommentDeps, article: Article, commentId: string): Promise<Comment | undefined> {
  if (!COMMENT_ID.test(commentId)) return undefined;
  const stored = await deps.articles.getComment(article.id, commentId);
  return stored ? stored.comment : deps.articles.pending(article).find((c) => c.id === commentId);
}

export async function resolveComment(deps: CommentDeps, actor: Actor, id: string, commentId: string): Promise<Comment> {
  const article = await threadOf(deps, actor, id);
  const comment = await findComment(deps, article, commentId);
  if (!comment) throw noSuchComment();
  refuseIfTerminal(article);
  if (comment.resolvedAt) return comment;
  const resolved = await deps.articles.resolveComment(article.id, comment, { id: actor.id, name: actor.name }, deps.now().toISOString());
  if (!resolved) throw noSuchComment();
  return resolved;
}

/** Only the comment's writer may delete it (403 for anyone else who can see the thread). */
export async function deleteComment(deps: CommentDeps, actor: Actor, id: string, commentId: string): Promise<void> {
  const article = await threadOf(deps, actor, id);
  const comment = await findComment(deps, article, commentId);
  if (!comment) throw noSuchComment();
  if (comment.author.id !== actor.id) throw forbidden('Only the comment’s writer may delete it.');
  refuseIfTerminal(article);
  if (!(await deps.articles.deleteComment(article.id, comment, deps.now().toISOString()))) throw noSuchComment();
}
