import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { commentOf } from '../../lambdas/store/comment-store.js';
import { articleIdFromKey, decodeHistoryCursor, encodeHistoryCursor, storedTagKey, tagItemKeys } from '../../lambdas/store/keys.js';
import { tagItemsOf } from '../../lambdas/store/tag-items.js';

function problemOf(run: () => unknown): { status: number; errors?: unknown } | unknown {
  try {
    return { value: run() };
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, errors: err.extra.errors };
    return err;
  }
}

describe('stored tag keys', () => {
  it('keep a key of up to 512 UTF-8 bytes as it is', () => {
    const key = '選'.repeat(170) + 'ab'; // 512 bytes
    expect(storedTagKey(key)).toBe(key);
    expect(tagItemKeys.partition(key)).toBe(`TAG#${key}`);
  });

  it('store a longer key as its first 100 characters and its SHA-256, in base64url', () => {
    // 171 three-byte characters: 513 bytes.
    expect(storedTagKey('選'.repeat(171))).toBe(`${'選'.repeat(100)}~WZhi3t0_uILX43OdqRihZKTRzOQdASKK1AA4F-zu2WM`);
    expect(storedTagKey('a'.repeat(513))).toBe(`${'a'.repeat(100)}~AkJcD1sNq_PSuRFfP3cjoCrYvPsVNKDSMWFP1CuBiPY`);
  });
});

describe('the tag items an article item implies (for a backfill)', () => {
  it('are one per distinct tag key, in the byTag index by creation', () => {
    expect(tagItemsOf({ id: 'a1', createdAt: '2026-11-26T09:00:00.000Z', version: 4, tags: ['Budget', 'budget', 'Roads'] })).toEqual([
      { PK: 'ARTICLE#a1', SK: 'TAG#budget', GSI7PK: 'TAG#budget', GSI7SK: '2026-11-26T09:00:00.000Z#a1', claimedBy: 4 },
      { PK: 'ARTICLE#a1', SK: 'TAG#roads', GSI7PK: 'TAG#roads', GSI7SK: '2026-11-26T09:00:00.000Z#a1', claimedBy: 4 },
    ]);
  });

  it('are none for an article written before it had tags', () => {
    expect(tagItemsOf({ id: 'a1', createdAt: '2026-11-26T09:00:00.000Z', version: 4 })).toEqual([]);
  });
});

describe('the article id in a partition key', () => {
  it('is read from an article’s partition, and is undefined for any other key', () => {
    expect(articleIdFromKey('ARTICLE#4f1c2a')).toBe('4f1c2a');
    expect(articleIdFromKey('PROFILE#rita')).toBeUndefined();
    expect(articleIdFromKey('TAG#budget')).toBeUndefined();
    expect(articleIdFromKey(undefined)).toBeUndefined();
  });
});

describe('a history cursor', () => {
  const invalid = { status: 400, errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this history.' }] };
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('gives back the entry it was made after', () => {
    expect(decodeHistoryCursor(encodeHistoryCursor('EVENT#0000000003#1'))).toBe('EVENT#0000000003#1');
  });

  it('that the history did not hand out is 400', () => {
    const forged = [
      '!!not base64, not JSON!!',
      Buffer.from('{"after":').toString('base64url'),
      encode(null),
      encode({}),
      encode({ after: 3 }),
      encode({ after: ['EVENT#0000000003#1'] }),
      encode({ after: 'EVENT#3#1' }),
      encode({ after: 'COMMENT#1795683600000-0123456789ab' }),
    ];
    for (const cursor of forged) expect([cursor, problemOf(() => decodeHistoryCursor(cursor))]).toEqual([cursor, invalid]);
  });
});

describe('a request-changes note in the thread', () => {
  it('has an id from the time of its event and the start of the SHA-256 of the event’s id, in hex', () => {
    const event = {
      id: 'a1:2:ChangesRequested',
      type: 'ChangesRequested',
      occurredAt: '2026-11-26T09:00:00.000Z',
      articleId: 'a1',
      version: 2,
      from: 'in_review',
      to: 'draft',
      actor: { id: 'eddie', name: 'Eddie' },
      article: { headline: 'Floods', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
      comment: 'More sources.',
    } as DomainEvent;
    expect(commentOf(event)).toEqual({
      id: '1795683600000-cb4f299fd0bf',
      author: { id: 'eddie', name: 'Eddie' },
      text: 'More sources.',
      quote: null,
      createdAt: '2026-11-26T09:00:00.000Z',
      resolvedAt: null,
      resolvedBy: null,
    });
  });
});
