import { describe, expect, it } from '@jest/globals';
import { GROUPS, STATUSES, type Actor, type Group, type Status } from '../../lambdas/domain/article.js';
import { ACTIONS, allowedActions, canRead, decide, WORKFLOW, type Action } from '../../lambdas/domain/workflow.js';

/**
 * The workflow as the newsroom describes it in words, written independently of the table
 * in lambdas/domain/workflow.ts: who may ever do an action, and in which statuses.
 */
function spec(action: Action, group: Group, isAuthor: boolean): Status[] {
  const desk = group === 'editors' || group === 'chief-editors';
  const chief = group === 'chief-editors';
  switch (action) {
    case 'edit':
      return desk ? ['draft', 'in_review', 'unpublished'] : isAuthor ? ['draft'] : [];
    case 'submit':
      return isAuthor ? ['draft'] : [];
    case 'withdraw':
      return isAuthor ? ['in_review'] : [];
    case 'request-changes':
      return desk ? ['in_review'] : [];
    case 'approve':
      return chief ? ['in_review', 'unpublished'] : [];
    case 'schedule':
    case 'unschedule':
    case 'publish':
      return chief ? ['scheduled'] : [];
    case 'correct':
      return desk ? ['published'] : [];
    case 'unpublish':
      return chief ? ['published'] : [];
    case 'spike':
      return desk ? ['draft', 'in_review'] : isAuthor ? ['draft'] : [];
    case 'unspike':
      return desk || isAuthor ? ['spiked'] : [];
    case 'kill':
      return chief ? ['published', 'unpublished', 'scheduled'] : [];
  }
}

const actor = (group: Group, id = 'caller'): Actor => ({ id, name: id, groups: [group] });

describe('the workflow table', () => {
  const cases = STATUSES.flatMap((status) =>
    ACTIONS.flatMap((action) => GROUPS.flatMap((group) => [true, false].map((isAuthor) => ({ status, action, group, isAuthor })))),
  );

  it.each(cases)('$group (author: $isAuthor) → $action on a $status article', ({ status, action, group, isAuthor }) => {
    const article = { authorId: isAuthor ? 'caller' : 'someone-else', status };
    const when = spec(action, group, isAuthor);
    const expected = when.length === 0 ? 'forbidden' : when.includes(status) ? 'allowed' : 'not-now';
    expect(decide(actor(group), article, action).outcome).toBe(expected);
  });

  it('covers every status × action × group × ownership', () => {
    expect(cases).toHaveLength(STATUSES.length * ACTIONS.length * GROUPS.length * 2);
  });

  it('a reporter cannot approve their own draft (403, not 409)', () => {
    expect(decide(actor('reporters'), { authorId: 'caller', status: 'draft' }, 'approve').outcome).toBe('forbidden');
  });

  it('an author may not edit their article while it is in review, but an editor may', () => {
    const inReview = { authorId: 'caller', status: 'in_review' as const };
    expect(decide(actor('reporters'), inReview, 'edit')).toEqual({ outcome: 'not-now', currentStatus: 'in_review' });
    expect(decide(actor('editors', 'ed'), inReview, 'edit').outcome).toBe('allowed');
  });

  it('approval publishes now or schedules, by timing', () => {
    const inReview = { authorId: 'r', status: 'in_review' as const };
    const now = decide(actor('chief-editors'), inReview, 'approve', 'now');
    const later = decide(actor('chief-editors'), inReview, 'approve', 'later');
    expect(now.outcome === 'allowed' && now.rule.to).toBe('published');
    expect(later.outcome === 'allowed' && later.rule.to).toBe('scheduled');
    expect(now.outcome === 'allowed' && now.rule.events).toEqual(['ArticleApproved', 'ArticlePublished']);
  });

  it('binds approve, publish and correct to the version the caller read, and nothing else', () => {
    const bound = [...new Set(WORKFLOW.filter((r) => r.ifMatch === 'exact').map((r) => r.action))].sort();
    expect(bound).toEqual(['approve', 'correct', 'publish']);
    expect(WORKFLOW.filter((r) => ['approve', 'publish', 'correct'].includes(r.action)).every((r) => r.ifMatch === 'exact')).toBe(true);
  });

  it('tells the caller what they may do next', () => {
    expect(allowedActions(actor('reporters'), { authorId: 'caller', status: 'draft' })).toEqual(['edit', 'submit', 'spike']);
    expect(allowedActions(actor('chief-editors'), { authorId: 'r', status: 'in_review' })).toEqual([
      'edit',
      'request-changes',
      'approve',
      'spike',
    ]);
    expect(allowedActions(actor('reporters'), { authorId: 'r', status: 'published' })).toEqual([]);
    expect(allowedActions(actor('editors'), { authorId: 'r', status: 'published' })).toEqual(['correct']);
    expect(allowedActions(actor('chief-editors'), { authorId: 'r', status: 'published' })).toEqual(['correct', 'unpublish', 'kill']);
    expect(allowedActions(actor('chief-editors'), { authorId: 'r', status: 'killed' })).toEqual([]);
    expect(allowedActions(actor('reporters'), { authorId: 'caller', status: 'spiked' })).toEqual(['unspike']);
  });

  it.each(STATUSES)('a reporter sees another reporter’s %s article only once published', (status) => {
    expect(canRead(actor('reporters'), { authorId: 'other', status })).toBe(status === 'published');
    expect(canRead(actor('editors'), { authorId: 'other', status })).toBe(true);
    expect(canRead(actor('reporters'), { authorId: 'caller', status })).toBe(true);
  });
});
