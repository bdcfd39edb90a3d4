import { describe, expect, it } from '@jest/globals';
import type { Actor, Article, Group } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import type { Media } from '../../lambdas/domain/media.js';
import { allowedActions, checkGuard, notNow, whoMay, WORKFLOW } from '../../lambdas/domain/workflow.js';

const actor = (group: Group, id = 'caller'): Actor => ({ id, name: id, groups: [group] });
const rita = actor('reporters', 'rita');

describe('a 403 says who may', () => {
  it('from the workflow table', () => {
    expect(whoMay('approve')).toBe('Only chief editors may approve.');
    expect(whoMay('submit')).toBe('Only the author may submit.');
    expect(whoMay('request-changes')).toBe('Only editors and chief editors may request changes.');
    expect(whoMay('edit')).toBe('Only the author, editors and chief editors may edit.');
    expect(whoMay('edit', 'attach files')).toBe('Only the author, editors and chief editors may attach files.');
    expect(whoMay('publish')).toBe('Only chief editors may publish.');
  });
});

describe('a 409 says what would make the action possible', () => {
  it('the moves of the table that lead there, by the caller or by someone to ask', () => {
    expect(notNow(rita, { authorId: 'rita', status: 'in_review' }, 'edit')).toBe(
      'You cannot edit it while it is in_review. Withdraw it first, or ask an editor to request changes.',
    );
    expect(notNow(actor('chief-editors'), { authorId: 'rita', status: 'draft' }, 'approve')).toBe(
      'You cannot approve it while it is draft. Ask the author to submit it.',
    );
    expect(notNow(actor('chief-editors'), { authorId: 'rita', status: 'scheduled' }, 'approve')).toBe(
      'You cannot approve it while it is scheduled. Unschedule it first.',
    );
    expect(notNow(actor('editors'), { authorId: 'rita', status: 'scheduled' }, 'edit')).toBe(
      'You cannot edit it while it is scheduled. Ask a chief editor to unschedule it.',
    );
  });

  it('nothing to suggest when no move of the table leads there', () => {
    expect(notNow(actor('chief-editors'), { authorId: 'rita', status: 'killed' }, 'approve')).toBe(
      'You cannot approve it while it is killed.',
    );
  });
});

const file = (id: string, status: Media['status']): Media => ({
  id,
  filename: `${id}.png`,
  contentType: 'image/png',
  size: 1,
  caption: null,
  credit: null,
  status,
  reason: status === 'rejected' ? 'not a PNG' : null,
  width: null,
  height: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  verifiedAt: null,
});

const inReview = (media: Record<string, Media>) => ({ authorId: 'rita', status: 'in_review' as const, media });
const approveNow = WORKFLOW.find((r) => r.action === 'approve' && r.timing === 'now')!;

function refusal(run: () => void): string {
  try {
    run();
  } catch (err) {
    if (err instanceof ProblemError) return err.message;
    throw err;
  }
  return 'allowed';
}

describe('guards', () => {
  it('allowedActions offers approve only when every file is verified', () => {
    const chief = actor('chief-editors');
    expect(allowedActions(chief, inReview({ a: file('a', 'ready') }))).toContain('approve');
    expect(allowedActions(chief, inReview({ a: file('a', 'ready'), b: file('b', 'pending') }))).not.toContain('approve');
    expect(allowedActions(chief, inReview({ b: file('b', 'rejected') }))).not.toContain('approve');
    expect(allowedActions(chief, inReview({ b: file('b', 'pending') }))).toEqual(['edit', 'request-changes', 'spike']);
  });

  it('the 409 says what to do about the files', () => {
    const article = (media: Record<string, Media>) => ({ ...inReview(media) }) as unknown as Article;
    expect(refusal(() => checkGuard(approveNow, article({ b: file('b', 'pending') })))).toBe(
      'Attached files are still being checked: wait for them or remove them.',
    );
    expect(refusal(() => checkGuard(approveNow, article({ b: file('b', 'rejected'), c: file('c', 'pending') })))).toBe(
      'Attached files were rejected: remove them.',
    );
  });
});
