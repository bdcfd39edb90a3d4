import { describe, expect, it } from '@jest/globals';
import { isInstant, parseInstant } from '../../lambdas/domain/instant.js';

describe('which times a caller may schedule with', () => {
  it('refuses months past December instead of rolling them into the next year', () => {
    expect(parseInstant('2027-12-31T06:00:00Z')?.toISOString()).toBe('2027-12-31T06:00:00.000Z');
    for (const text of ['2027-13-01T06:00:00Z', '2027-14-01T06:00:00Z', '2027-99-01T06:00:00Z']) {
      expect([text, parseInstant(text)]).toEqual([text, undefined]);
    }
  });

  it('says yes to an RFC 3339 date-time and no to anything else', () => {
    expect(isInstant('2027-01-01T06:00:00+01:00')).toBe(true);
    expect(isInstant('2027-01-01T06:00:00.5Z')).toBe(true);
    for (const text of ['now', '', '2027-01-01', '2027-01-01T06:00:00', '2027-02-29T06:00:00Z', '2027-13-01T06:00:00Z']) {
      expect([text, isInstant(text)]).toEqual([text, false]);
    }
  });
});
