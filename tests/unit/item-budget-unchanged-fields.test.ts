import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { budget, withChanges } from '../../lambdas/store/article-repository.js';

describe('the size of an article after a write', () => {
  it('still counts the fields the write leaves as they are', () => {
    const item = { PK: 'ARTICLE#a1', SK: 'ARTICLE', status: 'draft', headline: 'Border', bodyZ: new Uint8Array(408_000) };
    // `undefined` in an update leaves the stored field alone (the update builder skips it).
    const after = withChanges(item, { status: 'submitted', headline: undefined, bodyZ: undefined });
    expect(after).toEqual({ PK: 'ARTICLE#a1', SK: 'ARTICLE', status: 'submitted', headline: 'Border', bodyZ: new Uint8Array(408_000) });

    let refused: ProblemError | undefined;
    try {
      budget(after, 'workflow');
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      refused = err;
    }
    expect([refused?.statusCode, refused?.extra.size]).toEqual([409, 2 + 10 + 2 + 7 + 6 + 9 + 8 + 6 + 5 + 408_000]);
  });
});
