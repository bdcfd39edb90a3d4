import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { checkItemBudget, itemBytes, valueBytes } from '../../lambdas/store/item-size.js';

/** DynamoDB's item limit is 400 KB (409,600 bytes); the newsroom keeps 2 KB of it free. */
const FITS = 409_600 - 2_048;

function refusal(bytes: number, growth: 'content' | 'workflow', parts = { media: 0, outbox: 0 }) {
  try {
    checkItemBudget(bytes, growth, parts);
    return undefined;
  } catch (err) {
    if (!(err instanceof ProblemError)) throw err;
    return { status: err.statusCode, title: err.title, detail: err.message, extra: err.extra };
  }
}

describe('numbers as DynamoDB sizes them: one byte per two significant digits, plus one', () => {
  it('counts only significant digits, whatever the sign, point or exponent', () => {
    expect(valueBytes(1.5)).toBe(2); // "15"
    expect(valueBytes(-12.25)).toBe(3); // "1225"
    expect(valueBytes(0.005)).toBe(2); // "5": leading zeros are not significant
    expect(valueBytes(0.5)).toBe(2);
    expect(valueBytes(101)).toBe(3); // "101": a zero between digits is
    expect(valueBytes(1001000)).toBe(3); // "1001"
    expect(valueBytes(1e21)).toBe(2); // "1e+21": one significant digit
    expect(valueBytes(1.25e-7)).toBe(3); // "1.25e-7": "125"
    expect(valueBytes(0)).toBe(2);
  });

  it('counts strings in UTF-8 bytes, wherever they sit', () => {
    expect(valueBytes('新聞')).toBe(6);
    expect(valueBytes(['新'])).toBe(3 + 1 + 3);
    expect(itemBytes({ a: 'é', b: undefined })).toBe(1 + 2);
    expect(valueBytes({ k: '€', gone: undefined })).toBe(3 + 1 + 1 + 3);
  });
});

describe('the item budget', () => {
  it(`lets an article of up to ${FITS} bytes through, for content and for workflow writes`, () => {
    expect(refusal(FITS, 'content')).toBeUndefined();
    expect(refusal(FITS, 'workflow')).toBeUndefined();
    expect(refusal(1000, 'content')).toBeUndefined();
  });

  it('refuses a larger edit with 413, saying what it would take and what fits', () => {
    expect(refusal(FITS + 1, 'content', { media: 1200, outbox: 300 })).toEqual({
      status: 413,
      title: 'Payload Too Large',
      detail:
        `The article would take ${FITS + 1} bytes as stored (text counted in UTF-8, files and undelivered events included); ` +
        `at most ${FITS} fit. Shorten it or remove files.`,
      extra: { limit: FITS, size: FITS + 1, mediaBytes: 1200, pendingEventBytes: 300 },
    });
  });

  it('refuses a file or a transition that would not fit with 409, pointing at files and undelivered events', () => {
    expect(refusal(500_000, 'workflow', { media: 90_000, outbox: 410_000 })).toEqual({
      status: 409,
      title: 'Conflict',
      detail:
        `The article would take 500000 bytes as stored (text counted in UTF-8, files and undelivered events included); ` +
        `at most ${FITS} fit. Remove files, or wait until its events have been delivered.`,
      extra: { limit: FITS, size: 500_000, mediaBytes: 90_000, pendingEventBytes: 410_000 },
    });
  });
});
