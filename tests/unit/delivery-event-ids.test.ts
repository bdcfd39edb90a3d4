import { describe, expect, it } from '@jest/globals';
import { articleIdOfEvent, attemptSucceeded } from '../../lambdas/domain/deliveries.js';

const uuid = '0b6f9a52-3c1d-4e8f-9a7b-2d5e6f708192';

describe('the article an event id names (redelivery paths, delivery-log cursors)', () => {
  it.each([
    ['a transition’s event', 'a1:3:ArticleEdited', 'a1'],
    ['an event of an article with a UUID', `${uuid}:12:ArticlePublished`, uuid],
    ['a comment’s event', `${uuid}:comment:1795604400000-0123456789ab:CommentAdded`, uuid],
    ['a file check’s event', 'a1:media:m1:MediaReady', 'a1'],
    ['an article id of 64 characters', `${'a'.repeat(64)}:1:ArticleCreated`, 'a'.repeat(64)],
    ['160 characters after the article id', `a1:${'1'.repeat(160)}`, 'a1'],
  ])('%s', (_, eventId, articleId) => {
    expect(articleIdOfEvent(eventId)).toBe(articleId);
  });

  it.each([
    ['nothing', ''],
    ['no separator', 'nonsense'],
    ['nothing after the article id', 'a1:'],
    ['nothing before the separator', ':3:ArticleEdited'],
    ['an article id of 65 characters', `${'a'.repeat(65)}:1:ArticleCreated`],
    ['161 characters after the article id', `a1:${'1'.repeat(161)}`],
    ['a path before the id', '../a1:3:ArticleEdited'],
    ['a path after the id', 'a1:3:ArticleEdited/../../x'],
    ['a space', 'a1:3:Article Edited'],
    ['a line break at the end', 'a1:3:ArticleEdited\n'],
  ])('none for %s', (_, eventId) => {
    expect(articleIdOfEvent(eventId)).toBeUndefined();
  });
});

describe('which webhook attempts count as delivered', () => {
  it.each([
    ['200', { statusCode: 200 }, true],
    ['204', { statusCode: 204 }, true],
    ['299', { statusCode: 299 }, true],
    ['300 (a redirect is never followed)', { statusCode: 300 }, false],
    ['302', { statusCode: 302 }, false],
    ['199', { statusCode: 199 }, false],
    ['500', { statusCode: 500 }, false],
    ['a 200 that came with an error (the body timed out)', { statusCode: 200, error: 'timeout' }, false],
    ['an error and no answer', { error: 'ECONNREFUSED' }, false],
    ['no answer and no error', {}, false],
  ])('%s', (_, report, delivered) => {
    expect(attemptSucceeded(report)).toBe(delivered);
  });
});
