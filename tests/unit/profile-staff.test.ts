import { describe, expect, it } from '@jest/globals';
import type { Actor, Group } from '../../lambdas/domain/article.js';
import { isStaff } from '../../lambdas/domain/profile.js';

const actor = (groups: Group[]): Actor => ({ id: 'someone', name: 'Someone', groups });

describe('who is a member of staff (may use profiles at all)', () => {
  it.each([
    [['reporters'], true],
    [['editors'], true],
    [['chief-editors'], true],
    [['reporters', 'editors'], true],
    [[], false],
  ] as [Group[], boolean][])('groups %j: %s', (groups, staff) => {
    expect(isStaff(actor(groups))).toBe(staff);
  });
});
