import { describe, expect, it } from '@jest/globals';
import type { Actor, Group } from '../../lambdas/domain/article.js';
import { defaultProfile, isUserId, mayProfile, PROFILE_LIMITS, whoMayProfile } from '../../lambdas/domain/profile.js';

const actor = (id: string, groups: Group[], name = id): Actor => ({ id, name, groups });

describe('who may do what with whose profile', () => {
  const rita = actor('rita', ['reporters']);
  const eddie = actor('eddie', ['editors']);
  const carla = actor('carla', ['chief-editors']);
  const guest = actor('guest', []);

  it('lets every member of staff read anyone’s and edit their own, and chief editors edit anyone’s', () => {
    const table = [rita, eddie, carla, guest].map((a) => ({
      who: a.id,
      readOwn: mayProfile(a, 'read', a.id),
      readOther: mayProfile(a, 'read', 'omar'),
      editOwn: mayProfile(a, 'edit', a.id),
      editOther: mayProfile(a, 'edit', 'omar'),
    }));
    expect(table).toEqual([
      { who: 'rita', readOwn: true, readOther: true, editOwn: true, editOther: false },
      { who: 'eddie', readOwn: true, readOther: true, editOwn: true, editOther: false },
      { who: 'carla', readOwn: true, readOther: true, editOwn: true, editOther: true },
      { who: 'guest', readOwn: false, readOther: false, editOwn: false, editOther: false },
    ]);
  });

  it('says who may, from the same rules', () => {
    expect(whoMayProfile('edit', 'anyone')).toBe('Only chief editors may edit someone else’s profile.');
    expect(whoMayProfile('edit', 'own')).toBe('Only reporters, editors and chief editors may edit their own profile.');
    expect(whoMayProfile('read', 'anyone')).toBe('Only reporters, editors and chief editors may read someone else’s profile.');
  });
});

describe('a profile never saved', () => {
  it('takes the name from the token, NFC and cut to the name’s limit, with no bio or function, at version 0', () => {
    expect(defaultProfile(actor('rita', ['reporters'], 'Rita Reporter'))).toEqual({
      userId: 'rita',
      name: 'Rita Reporter',
      bio: '',
      function: '',
      updatedAt: null,
      version: 0,
    });
    expect(defaultProfile(actor('jose', ['reporters'], 'Jose\u0301')).name).toBe('José');
    const long = defaultProfile(actor('long', ['reporters'], '📰'.repeat(150))).name;
    expect([...long]).toHaveLength(PROFILE_LIMITS.name.max);
  });
});

describe('user ids in a path', () => {
  it('are what a token’s sub can be: a UUID, or up to 128 letters, digits, marks, symbols and punctuation', () => {
    for (const id of ['rita', '6c1e2f0a-93b4-4a8e-b0f2-6c4e8a1d2f37', 'jöns.o’neill@example.com', 'x'.repeat(128), '__proto__']) {
      expect({ id, ok: isUserId(id) }).toEqual({ id, ok: true });
    }
    for (const id of ['', 'a b', 'tab\there', 'nul\u0000', 'x'.repeat(129), 'line\nbreak']) {
      expect({ id, ok: isUserId(id) }).toEqual({ id, ok: false });
    }
  });
});
