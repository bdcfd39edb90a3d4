import { describe, expect, it } from '@jest/globals';
import { LIMITS } from '../../lambdas/domain/article.js';
import { tagKey, tagKeys } from '../../lambdas/domain/tags.js';
import { tagItemKeys } from '../../lambdas/store/keys.js';

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('tag keys', () => {
  it('match a tag whatever its case, width or composition', () => {
    expect(tagKey('Élections')).toBe(tagKey('ÉLECTIONS'));
    expect(tagKey('E\u0301lections')).toBe(tagKey('élections'));
    expect(tagKey('ＡＩ')).toBe('ai');
    expect(tagKey('Straße')).toBe(tagKey('STRASSE'));
    expect(tagKey('選挙')).toBe('選挙');
    expect(tagKey('選挙')).not.toBe(tagKey('選'));
    expect(tagKeys(['Roads', 'roads', ' ROADS ', 'bridges'])).toEqual(['roads', 'bridges']);
  });

  // AWS: a sort key is at most 1,024 bytes and a partition key 2,048 (DynamoDB developer guide,
  // "Constraints in Amazon DynamoDB", partition keys and sort keys), in UTF-8; dynalite counts UTF-16 units.
  it('fit DynamoDB’s key limits in UTF-8 bytes for every tag a client may send, and stay apart', () => {
    const longest = [
      '\ufdfa'.repeat(LIMITS.tags.maxLength), // one character, 18 in NFKC, 33 bytes
      '\u{1F5DE}'.repeat(LIMITS.tags.maxLength), // four bytes each
      '\u3392'.repeat(LIMITS.tags.maxLength), // ㎒: MHz
      '選'.repeat(LIMITS.tags.maxLength),
    ];
    const stored = longest.map((t) => tagItemKeys.of('a'.repeat(64), tagKey(t)));
    for (const key of stored) {
      expect(utf8(key.SK)).toBeLessThanOrEqual(1024);
      expect(utf8(key.PK)).toBeLessThanOrEqual(2048);
    }
    expect(new Set(stored.map((k) => k.SK)).size).toBe(longest.length);
    const almost = tagItemKeys.partition(tagKey(`${'\ufdfa'.repeat(49)}x`));
    expect(almost).not.toBe(tagItemKeys.partition(tagKey('\ufdfa'.repeat(50))));
    expect(utf8(almost)).toBeLessThanOrEqual(1024);
    // Short keys are stored as they are, readable in the table.
    expect(tagItemKeys.of('a1', tagKey('Élections'))).toEqual({ PK: 'ARTICLE#a1', SK: 'TAG#élections' });
  });
});
