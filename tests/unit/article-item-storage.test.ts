import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { newDraft, type Actor, type Article } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import type { Media } from '../../lambdas/domain/media.js';
import { decodeBody, encodeBody, fromItem, toItem } from '../../lambdas/store/article-item.js';
import { budget } from '../../lambdas/store/article-repository.js';
import { requireEnv } from '../../lambdas/store/config.js';
import { valueBytes } from '../../lambdas/store/item-size.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };

const draft = (changes: Partial<Article> = {}): Article => ({
  ...newDraft({
    id: 'a1',
    author: rita,
    now: '2026-11-25T09:00:00.000Z',
    content: { headline: 'Border', standfirst: 'Calm', body: 'Copy.', tags: ['border'] },
  }),
  ...changes,
});

const file = (id: string, status: Media['status']): Media => ({
  id,
  filename: `${id}.png`,
  contentType: 'image/png',
  size: 73,
  caption: null,
  credit: null,
  status,
  reason: null,
  width: null,
  height: null,
  createdAt: '2026-11-25T09:01:00.000Z',
  verifiedAt: null,
});

/** Printable ASCII from a fixed xorshift sequence: text deflate cannot shrink much. */
function noise(length: number): string {
  let s = 2463534242;
  let out = '';
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out += String.fromCharCode(33 + (s % 94));
  }
  return out;
}

function problemOf(fn: () => unknown): ProblemError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('expected a ProblemError');
}

describe('stored article bodies', () => {
  it('round-trips a body through its deflated form', () => {
    const body = 'Выборы прошли спокойно. '.repeat(2_000);
    const packed = encodeBody(body);
    expect(packed.byteLength).toBeLessThan(Buffer.byteLength(body, 'utf8') / 10);
    expect(decodeBody(packed)).toBe(body);
  });

  it('reads a missing body as empty text', () => {
    expect(decodeBody(undefined)).toBe('');
  });

  it('stores a body that deflates to exactly 300 KiB and refuses one a byte larger, as a 400 on /body', () => {
    const text = noise(400_000);
    const deflated = (n: number) => deflateRawSync(Buffer.from(text.slice(0, n), 'utf8')).byteLength;
    let lo = 1;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (deflated(mid) > 300 * 1024) hi = mid;
      else lo = mid + 1;
    }
    const tooLarge = lo;
    expect(deflated(tooLarge)).toBeGreaterThan(307_200);
    expect(deflated(tooLarge - 1)).toBe(307_200);

    expect(encodeBody(text.slice(0, tooLarge - 1)).byteLength).toBe(307_200);
    const refused = problemOf(() => encodeBody(text.slice(0, tooLarge)));
    expect(refused.statusCode).toBe(400);
    expect(refused.extra.errors).toEqual([{ pointer: '/body', message: '`body` is too large to store, even compressed.' }]);
  });
});

describe('article items', () => {
  it('counts only the files that hold approval back, and starts with an empty outbox', () => {
    const item = toItem(draft({ media: { p: file('p', 'pending'), r: file('r', 'ready'), x: file('x', 'rejected') } }));
    expect(item.mediaBlocking).toBe(2);
    expect(item.outbox).toEqual([]);
    expect(item.PK).toBe('ARTICLE#a1');
    expect(item.SK).toBe('ARTICLE');
  });

  it('reads back what a full item holds: corrections, the change request, the slug and the files', () => {
    const corrections = [
      { revision: 2, kind: 'correction', note: 'Name spelt wrong.', at: '2026-11-25T10:00:00.000Z', by: { id: 'eddie', name: 'Eddie' } },
    ];
    const changesRequested = { comment: 'Sources?', by: { id: 'eddie', name: 'Eddie' }, at: '2026-11-25T09:30:00.000Z' };
    const item = { ...toItem(draft({ media: { p: file('p', 'pending') } })), corrections, changesRequested, slug: 'border' };
    const article = fromItem(item);
    expect(article.corrections).toEqual(corrections);
    expect(article.changesRequested).toEqual(changesRequested);
    expect(article.slug).toBe('border');
    expect({ ...article.media }).toEqual({ p: file('p', 'pending') });
    expect(article.body).toBe('Copy.');
  });

  it('reads an item written before revisions, tags and corrections were kept as its first revision', () => {
    const legacy = {
      PK: 'ARTICLE#old',
      SK: 'ARTICLE',
      id: 'old',
      status: 'draft',
      version: 3,
      headline: 'Old',
      standfirst: '',
      authorId: 'rita',
      authorName: 'Rita Reporter',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-02T00:00:00.000Z',
      bodyZ: deflateRawSync(Buffer.from('Old copy.', 'utf8')),
    };
    const article = fromItem(legacy);
    expect(article.tags).toEqual([]);
    expect(article.revision).toBe(1);
    expect(article.corrections).toEqual([]);
    expect(article.changesRequested).toBeNull();
    expect(article.lastRevision).toEqual({
      revision: 1,
      version: 1,
      kind: 'created',
      actor: { id: 'rita', name: 'Rita Reporter' },
      at: '2025-01-01T00:00:00.000Z',
      fields: ['headline', 'standfirst', 'body', 'tags'],
    });
    expect(article.media).toBeUndefined();
    expect(article.submittedAt).toBeNull();
  });
});

describe('the write budget of an article item', () => {
  const padded = (media: Record<string, Media>, outbox: unknown[]) => ({
    PK: 'ARTICLE#a1',
    SK: 'ARTICLE',
    headline: 'h'.repeat(100),
    filler: 'f'.repeat(400 * 1024),
    media,
    outbox,
  });

  it('keeps room for each pending file: its record, the headline and 512 bytes more', () => {
    const outbox = [{ id: 'e1', type: 'ArticleEdited' }];
    const pending = problemOf(() => budget(padded({ m: file('m', 'pending') }, outbox), 'content'));
    const expired = problemOf(() => budget(padded({ m: file('m', 'expired') }, outbox), 'content'));
    // 'pending' and 'expired' are both seven bytes: the items weigh the same, only the reserve differs.
    expect(Number(pending.extra.size) - Number(expired.extra.size)).toBe(valueBytes(file('m', 'pending')) + 100 + 512);
  });

  it('reports how much of a refused item is files and undelivered events', () => {
    const media = { m: file('m', 'ready') };
    const outbox = [
      { id: 'e1', type: 'ArticleEdited' },
      { id: 'e2', type: 'ArticleSubmitted' },
    ];
    const refused = problemOf(() => budget(padded(media, outbox), 'workflow'));
    expect(refused.statusCode).toBe(409);
    expect(refused.extra.mediaBytes).toBe(valueBytes(media));
    expect(refused.extra.pendingEventBytes).toBe(valueBytes(outbox));
    expect(valueBytes(media)).toBeGreaterThan(100);
    expect(valueBytes(outbox)).toBeGreaterThan(40);
  });
});

describe('required configuration', () => {
  it('returns a variable that is set and names the one that is missing', () => {
    process.env.NEWSROOM_TEST_SETTING = 'on';
    expect(requireEnv('NEWSROOM_TEST_SETTING')).toBe('on');
    delete process.env.NEWSROOM_TEST_SETTING;
    expect(() => requireEnv('NEWSROOM_TEST_SETTING')).toThrow('NEWSROOM_TEST_SETTING environment variable is not set');
    process.env.NEWSROOM_TEST_SETTING = '';
    expect(() => requireEnv('NEWSROOM_TEST_SETTING')).toThrow('NEWSROOM_TEST_SETTING environment variable is not set');
    delete process.env.NEWSROOM_TEST_SETTING;
  });
});
