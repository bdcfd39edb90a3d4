import { describe, expect, it } from '@jest/globals';
import { newDraft, type Actor, type Article } from '../../lambdas/domain/article.js';
import { commentAddedEvent, type Comment } from '../../lambdas/domain/comments.js';
import { createdEvent, eventsFor, toHistoryEntry, type DomainEvent } from '../../lambdas/domain/events.js';
import { WORKFLOW } from '../../lambdas/domain/workflow.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const carla: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };

const draft = (): Article =>
  newDraft({
    id: 'a1',
    author: rita,
    now: '2026-11-25T09:00:00.000Z',
    content: { headline: 'Floods', standfirst: 'Rivers rose.', body: 'The road was shut.', tags: ['weather'] },
  });

const ruleFor = (action: string, from: string) => WORKFLOW.find((r) => r.action === action && r.from === from)!;

describe('the events a move emits', () => {
  it('carry the reason an article was taken down', () => {
    const after: Article = { ...draft(), status: 'unpublished', version: 7, publishedAt: '2026-11-25T10:00:00.000Z' };
    const [event] = eventsFor(ruleFor('unpublish', 'published'), after, {
      actor: carla,
      now: '2026-11-25T12:00:00.000Z',
      reason: 'Legal complaint.',
    });
    expect(event).toEqual({
      id: 'a1:7:ArticleUnpublished',
      type: 'ArticleUnpublished',
      occurredAt: '2026-11-25T12:00:00.000Z',
      articleId: 'a1',
      version: 7,
      from: 'published',
      to: 'unpublished',
      actor: { id: 'carla', name: 'Carla Chief' },
      article: { headline: 'Floods', authorId: 'rita', status: 'unpublished', publishAt: null, publishedAt: '2026-11-25T10:00:00.000Z' },
      reason: 'Legal complaint.',
    });
  });

  it('carry nothing more than the move itself when nothing more was given', () => {
    const after: Article = { ...draft(), status: 'in_review', version: 2 };
    const [event] = eventsFor(ruleFor('submit', 'draft'), after, { actor: rita, now: '2026-11-25T09:30:00.000Z' });
    // As subscribers receive it: the JSON of the event.
    expect(Object.keys(JSON.parse(JSON.stringify(event)) as object).sort()).toEqual([
      'actor',
      'article',
      'articleId',
      'from',
      'id',
      'occurredAt',
      'to',
      'type',
      'version',
    ]);
  });

  it('carry the revision an edit wrote and the fields it changed', () => {
    const after: Article = { ...draft(), version: 3, revision: 2 };
    const [event] = eventsFor(ruleFor('edit', 'draft'), after, {
      actor: eddie,
      now: '2026-11-25T09:20:00.000Z',
      revision: { revision: 2, fields: ['standfirst', 'body'] },
    });
    expect(event).toMatchObject({ id: 'a1:3:ArticleEdited', type: 'ArticleEdited', revision: 2, fields: ['standfirst', 'body'] });
  });

  it('carry a correction’s public note', () => {
    const after: Article = { ...draft(), status: 'published', version: 9, revision: 3 };
    const [event] = eventsFor(ruleFor('correct', 'published'), after, {
      actor: eddie,
      now: '2026-11-25T13:00:00.000Z',
      revision: { revision: 3, fields: ['body'] },
      correction: { kind: 'correction', note: 'The road reopened at noon, not at dawn.' },
    });
    expect(event).toMatchObject({
      type: 'ArticleCorrected',
      revision: 3,
      fields: ['body'],
      correction: { kind: 'correction', note: 'The road reopened at noon, not at dawn.' },
    });
  });

  it('begin with ArticleCreated, the whole text as revision 1', () => {
    expect(createdEvent(draft(), rita)).toEqual([
      {
        id: 'a1:1:ArticleCreated',
        type: 'ArticleCreated',
        occurredAt: '2026-11-25T09:00:00.000Z',
        articleId: 'a1',
        version: 1,
        from: 'draft',
        to: 'draft',
        actor: { id: 'rita', name: 'Rita Reporter' },
        article: { headline: 'Floods', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
        revision: 1,
        fields: ['headline', 'standfirst', 'body', 'tags'],
      },
    ]);
  });
});

describe('an added comment’s event', () => {
  it('is named after the comment, by whoever wrote it, and leaves the article where it is', () => {
    const article: Article = { ...draft(), status: 'in_review', version: 4 };
    const comment: Comment = {
      id: '1795604400000-0123456789ab',
      author: { id: 'eddie', name: 'Eddie Editor' },
      text: 'Source?',
      quote: 'Rivers rose.',
      createdAt: '2026-11-25T11:00:00.000Z',
      resolvedAt: null,
      resolvedBy: null,
    };
    expect(commentAddedEvent(article, comment, eddie)).toEqual({
      id: 'a1:comment:1795604400000-0123456789ab:CommentAdded',
      type: 'CommentAdded',
      occurredAt: '2026-11-25T11:00:00.000Z',
      articleId: 'a1',
      version: 4,
      from: 'in_review',
      to: 'in_review',
      actor: { id: 'eddie', name: 'Eddie Editor' },
      article: { headline: 'Floods', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
      comment: { id: '1795604400000-0123456789ab', author: { id: 'eddie', name: 'Eddie Editor' }, text: 'Source?', quote: 'Rivers rose.' },
    });
  });
});

describe('a line of history', () => {
  const base: DomainEvent = {
    id: 'a1:8:ArticleUnpublished',
    type: 'ArticleUnpublished',
    occurredAt: '2026-11-25T12:00:00.000Z',
    articleId: 'a1',
    version: 8,
    from: 'published',
    to: 'unpublished',
    actor: { id: 'carla', name: 'Carla Chief' },
    article: { headline: 'Floods', authorId: 'rita', status: 'unpublished', publishAt: null, publishedAt: '2026-11-25T10:00:00.000Z' },
  };
  const line = {
    id: 'a1:8:ArticleUnpublished',
    version: 8,
    type: 'ArticleUnpublished',
    from: 'published',
    to: 'unpublished',
    actor: { id: 'carla', name: 'Carla Chief' },
    at: '2026-11-25T12:00:00.000Z',
  };

  it('says who moved the article, when, and why', () => {
    expect(toHistoryEntry({ ...base, reason: 'Legal complaint.' })).toEqual({ ...line, reason: 'Legal complaint.' });
  });

  it('says which revision a correction wrote, what it changed and its public note', () => {
    const corrected: DomainEvent = {
      ...base,
      id: 'a1:9:ArticleCorrected',
      type: 'ArticleCorrected',
      version: 9,
      to: 'published',
      revision: 3,
      fields: ['headline', 'body'],
      correction: { kind: 'update', note: 'Adds the council’s answer.' },
    };
    expect(toHistoryEntry(corrected)).toEqual({
      ...line,
      id: 'a1:9:ArticleCorrected',
      type: 'ArticleCorrected',
      version: 9,
      to: 'published',
      revision: 3,
      fields: ['headline', 'body'],
      correction: { kind: 'update', note: 'Adds the council’s answer.' },
    });
  });

  it('shows nothing of the article’s text or state, nor how late a publication was', () => {
    expect(toHistoryEntry({ ...base, lateByMs: 1200 })).toEqual(line);
  });
});
