import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { AttachMedia, EditMedia, ListQuery, parseInput } from '../../lambdas/usecases/schemas.js';

function errors(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    if (err instanceof ProblemError && err.statusCode === 400) return err.extra.errors;
    throw err;
  }
  throw new Error('the input was accepted');
}

describe('validation messages for lower and upper bounds', () => {
  it('an empty value where one character is the least is "must not be empty"', () => {
    expect(errors(() => parseInput(ListQuery, { author: '' }, '/query'))).toEqual([
      { pointer: '/query/author', message: '`author` must not be empty.' },
    ]);
  });

  it('a value shorter than a longer minimum says the minimum in characters and what it got', () => {
    expect(errors(() => parseInput(AttachMedia, { filename: 'a.png', contentType: 'im', size: 5 }))).toEqual([
      { pointer: '/contentType', message: '`contentType` is at least 3 characters (got 2).' },
    ]);
  });

  it('a text over its maximum says "is at most … characters"', () => {
    expect(errors(() => parseInput(ListQuery, { author: 'a'.repeat(129) }, '/query'))).toEqual([
      { pointer: '/query/author', message: '`author` is at most 128 characters (got 129).' },
    ]);
  });

  it('a number over its maximum says "must be at most"', () => {
    expect(
      errors(() => parseInput(AttachMedia, { filename: 'a.png', contentType: 'image/png', size: Number.MAX_SAFE_INTEGER + 1 })),
    ).toEqual([{ pointer: '/size', message: `\`size\` must be at most ${Number.MAX_SAFE_INTEGER} (got ${Number.MAX_SAFE_INTEGER + 1}).` }]);
  });

  it('a file description must change something: a caption or a credit, even to null', () => {
    expect(errors(() => parseInput(EditMedia, {}))).toEqual([{ pointer: '', message: 'Give a caption or a credit to change.' }]);
    expect(parseInput(EditMedia, { credit: null })).toEqual({ credit: null });
    expect(parseInput(EditMedia, { caption: 'Dawn' })).toEqual({ caption: 'Dawn' });
  });
});
