import { describe, expect, it } from '@jest/globals';
import { changedFields, newDraft, type Actor, type ArticleContent } from '../../lambdas/domain/article.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };

const current: ArticleContent = {
  headline: 'Floods close the valley road',
  standfirst: 'Rivers rose overnight.',
  body: 'The road was shut at dawn.',
  tags: ['weather', 'roads'],
};

describe('a new draft', () => {
  it('is draft version 1 by its author, with the whole text as its first revision', () => {
    const draft = newDraft({ id: 'a1', content: current, author: rita, now: '2026-11-25T09:00:00.000Z' });
    expect(draft).toStrictEqual({
      headline: 'Floods close the valley road',
      standfirst: 'Rivers rose overnight.',
      body: 'The road was shut at dawn.',
      tags: ['weather', 'roads'],
      id: 'a1',
      status: 'draft',
      version: 1,
      authorId: 'rita',
      authorName: 'Rita Reporter',
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:00.000Z',
      submittedAt: null,
      approvedBy: null,
      approvedAt: null,
      publishAt: null,
      publishedAt: null,
      revision: 1,
      corrections: [],
      lastRevision: {
        revision: 1,
        version: 1,
        kind: 'created',
        actor: { id: 'rita', name: 'Rita Reporter' },
        at: '2026-11-25T09:00:00.000Z',
        fields: ['headline', 'standfirst', 'body', 'tags'],
      },
      changesRequested: null,
      media: {},
      slug: null,
    });
  });
});

describe('which fields an edit changes', () => {
  it.each([
    ['nothing given', {}, []],
    ['a field given with the value it has', { headline: 'Floods close the valley road' }, []],
    ['every field given with the values they have', { ...current, tags: ['weather', 'roads'] }, []],
    ['one new value', { standfirst: 'Rivers burst their banks.' }, ['standfirst']],
    ['a new value beside unchanged ones', { headline: 'Floods close the valley road', body: 'Shut at dawn.' }, ['body']],
    ['an emptied field', { standfirst: '' }, ['standfirst']],
    ['the same tags in another order', { tags: ['roads', 'weather'] }, ['tags']],
    ['a tag more', { tags: ['weather', 'roads', 'rivers'] }, ['tags']],
    [
      'every field changed, named in the text’s order',
      { tags: [], body: 'New.', standfirst: 'New.', headline: 'New' },
      ['headline', 'standfirst', 'body', 'tags'],
    ],
  ] as const)('%s', (_, next, fields) => {
    expect(changedFields(current, next as Partial<ArticleContent>)).toEqual(fields);
  });
});
