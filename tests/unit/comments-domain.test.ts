import { describe, expect, it } from '@jest/globals';
import { newDraft, type Actor, type Article } from '../../lambdas/domain/article.js';
import {
  canComment,
  COMMENT_ID,
  commentAddedEvent,
  commentFromEvent,
  commentId,
  isTerminal,
  type Comment,
} from '../../lambdas/domain/comments.js';
import { toHistoryEntry, type DomainEvent } from '../../lambdas/domain/events.js';
import { isHistoryEvent } from '../../lambdas/domain/workflow.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const otto: Actor = { id: 'otto', name: 'Otto', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const carla: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };

const article: Article = {
  ...newDraft({
    id: 'a1',
    author: rita,
    now: '2026-11-25T09:00:00.000Z',
    content: { headline: 'Floods', standfirst: '', body: 'B', tags: [] },
  }),
  version: 4,
  status: 'in_review',
};
const comment: Comment = {
  id: commentId('2026-11-25T10:00:00.000Z', '0123456789abcdef'),
  author: { id: 'eddie', name: 'Eddie Editor' },
  text: 'Source?',
  quote: 'Rivers rose.',
  createdAt: '2026-11-25T10:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
};
const hex = () => 'feedfacecafebeef';

describe('comment ids', () => {
  it('sort as the comments were written', () => {
    expect(comment.id).toBe('1795600800000-0123456789ab');
    expect(COMMENT_ID.test(comment.id)).toBe(true);
    expect(commentId('2026-11-25T10:00:00.001Z', '000000000000') > comment.id).toBe(true);
  });
});

describe('who may comment', () => {
  it('is the author and the desk; on a killed article, nobody', () => {
    expect([rita, otto, eddie, carla].map((a) => canComment(a, article))).toEqual([true, false, true, true]);
    expect(isTerminal(article)).toBe(false);
    expect(isTerminal({ status: 'killed' } as unknown as Article)).toBe(true);
  });
});

describe('CommentAdded', () => {
  const event = commentAddedEvent(article, comment, eddie);

  it('carries the comment and the article as it is, without moving it', () => {
    expect(event).toEqual({
      id: `a1:comment:${comment.id}:CommentAdded`,
      type: 'CommentAdded',
      occurredAt: comment.createdAt,
      articleId: 'a1',
      version: 4,
      from: 'in_review',
      to: 'in_review',
      actor: { id: 'eddie', name: 'Eddie Editor' },
      article: { headline: 'Floods', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
      comment: { id: comment.id, author: comment.author, text: 'Source?', quote: 'Rivers rose.' },
    });
  });

  it('is not a transition: it stays out of history', () => {
    expect(isHistoryEvent('CommentAdded')).toBe(false);
    expect(isHistoryEvent('ChangesRequested')).toBe(true);
  });

  it('puts its comment in the thread, as written', () => {
    expect(commentFromEvent(event, hex)).toEqual(comment);
  });
});

describe('a request-changes note', () => {
  const changes: DomainEvent = {
    id: 'a1:5:ChangesRequested',
    type: 'ChangesRequested',
    occurredAt: '2026-11-25T11:00:00.000Z',
    articleId: 'a1',
    version: 5,
    from: 'in_review',
    to: 'draft',
    actor: { id: 'eddie', name: 'Eddie Editor' },
    article: { headline: 'Floods', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
    comment: 'More sources.',
  };

  it('becomes a comment with an id from its event, the same every time', () => {
    expect(commentFromEvent(changes, hex)).toEqual({
      id: '1795604400000-feedfacecafe',
      author: { id: 'eddie', name: 'Eddie Editor' },
      text: 'More sources.',
      quote: null,
      createdAt: '2026-11-25T11:00:00.000Z',
      resolvedAt: null,
      resolvedBy: null,
    });
    expect(toHistoryEntry(changes).comment).toBe('More sources.');
  });

  it('is the only transition that comments', () => {
    expect(commentFromEvent({ ...changes, type: 'ArticleSubmitted', comment: undefined }, hex)).toBeUndefined();
  });

  it('puts nothing in the thread from an event whose comment is not of its kind, or that carries none', () => {
    // Events are read back from storage and from older versions: a misshapen one is left out, never shown half.
    const added = commentAddedEvent(article, comment, eddie);
    expect(commentFromEvent({ ...added, comment: 'a note, not a comment' }, hex)).toBeUndefined();
    expect(commentFromEvent({ ...added, comment: undefined }, hex)).toBeUndefined();
    expect(commentFromEvent({ ...changes, comment: comment as never }, hex)).toBeUndefined();
    expect(commentFromEvent({ ...changes, comment: undefined }, hex)).toBeUndefined();
    expect(commentFromEvent({ ...changes, type: 'ArticleApproved' }, hex)).toBeUndefined();
    expect(commentFromEvent({ ...added, type: 'ArticleApproved' }, hex)).toBeUndefined();
  });
});
