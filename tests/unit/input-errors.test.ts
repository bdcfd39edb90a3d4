import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { AttachMedia, CreateArticle, EditArticle, ListQuery, parseInput, RequestChanges } from '../../lambdas/usecases/schemas.js';

/** The problems a contract finds in an input, as the API lists them. */
function problems(run: () => unknown): { detail: string; errors: unknown } {
  try {
    run();
  } catch (err) {
    if (err instanceof ProblemError && err.statusCode === 400) return { detail: err.message, errors: err.extra.errors };
    throw err;
  }
  throw new Error('the input was accepted');
}

describe('validation messages are sentences for people, each with a JSON Pointer', () => {
  it('names unknown, missing and too long fields', () => {
    expect(problems(() => parseInput(CreateArticle, { title: 'Floods', headline: 'h'.repeat(312) }))).toEqual({
      detail: '`headline` is at most 300 characters (got 312). `body` is required. Unknown field `title`.',
      errors: [
        { pointer: '/headline', message: '`headline` is at most 300 characters (got 312).' },
        { pointer: '/body', message: '`body` is required.' },
        { pointer: '/title', message: 'Unknown field `title`.' },
      ],
    });
  });

  it('points into lists, and says what a field must be', () => {
    expect(problems(() => parseInput(CreateArticle, { headline: 5, body: '  ', tags: ['ok', ' ', 3] })).errors).toEqual([
      { pointer: '/headline', message: '`headline` must be text.' },
      { pointer: '/body', message: '`body` must not be blank.' },
      { pointer: '/tags/1', message: '`tags[1]` must not be blank.' },
      { pointer: '/tags/2', message: '`tags[2]` must be text.' },
    ]);
    expect(problems(() => parseInput(CreateArticle, { headline: 'h', body: 'b', tags: Array(21).fill('t') })).errors).toEqual([
      { pointer: '/tags', message: '`tags` has at most 20 items (got 21).' },
    ]);
    expect(problems(() => parseInput(RequestChanges, { comment: '' })).errors).toEqual([
      { pointer: '/comment', message: '`comment` must not be blank.' },
    ]);
  });

  it('speaks of the whole body when the body itself is wrong', () => {
    expect(problems(() => parseInput(CreateArticle, 'headline'))).toEqual({
      detail: 'The request body must be a JSON object.',
      errors: [{ pointer: '', message: 'The request body must be a JSON object.' }],
    });
    expect(problems(() => parseInput(EditArticle, {})).errors).toEqual([{ pointer: '', message: 'Give at least one field to change.' }]);
  });

  it('numbers and file names', () => {
    expect(problems(() => parseInput(AttachMedia, { filename: 'a/b.png', contentType: 'image/png', size: 1.5 })).errors).toEqual([
      { pointer: '/filename', message: '`filename` must be a file name, without a path.' },
      { pointer: '/size', message: '`size` must be a whole number (got 1.5).' },
    ]);
    expect(problems(() => parseInput(AttachMedia, { filename: 'a.png', contentType: 'image/png', size: 0 })).errors).toEqual([
      { pointer: '/size', message: '`size` must be at least 1 (got 0).' },
    ]);
  });

  it('query parameters are pointed at under /query', () => {
    expect(problems(() => parseInput(ListQuery, { status: 'live', limit: '500', foo: '1' }, '/query')).errors).toEqual(
      expect.arrayContaining([
        {
          pointer: '/query/status',
          message: '`status` must be one of draft, in_review, scheduled, published, unpublished, spiked, killed.',
        },
        { pointer: '/query/limit', message: '`limit` must be between 1 and 100.' },
        { pointer: '/query/foo', message: 'Unknown query parameter `foo`.' },
      ]),
    );
  });

  it('escapes pointer tokens as RFC 6901 says', () => {
    expect(problems(() => parseInput(CreateArticle, { headline: 'h', body: 'b', 'a/b~c': 1 })).errors).toEqual([
      { pointer: '/a~1b~0c', message: 'Unknown field `a/b~c`.' },
    ]);
  });
});

describe('the request body limit', () => {
  it('fits every field at its longest with each UTF-16 unit as a six-byte \\u escape, and stays below Lambda’s 6 MB payload', async () => {
    const { LIMITS } = await import('../../lambdas/domain/article.js');
    const { LAMBDA_MAX_REQUEST_BYTES } = await import('../../local/gateway.js');
    const units = LIMITS.headline.max + LIMITS.standfirst.max + LIMITS.body.max + LIMITS.tags.max * LIMITS.tags.maxLength;
    expect(LIMITS.requestBytes).toBeGreaterThan(6 * units + 64 * 1024);
    // API Gateway HTTP APIs take payloads up to 10 MB; Lambda's synchronous invoke takes 6 MB.
    expect(LIMITS.requestBytes).toBeLessThan(LAMBDA_MAX_REQUEST_BYTES);
  });
});
