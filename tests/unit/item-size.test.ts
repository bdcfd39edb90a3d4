import { describe, expect, it } from '@jest/globals';
import { itemBytes, valueBytes } from '../../lambdas/store/item-size.js';

/** DynamoDB's documented item-size rules (Developer Guide, "Item sizes and formats"), which dynalite does not follow. */
describe('item size as DynamoDB counts it', () => {
  it('counts names and strings in UTF-8 bytes, not UTF-16 units', () => {
    expect(itemBytes({ headline: 'News' })).toBe(8 + 4);
    expect(itemBytes({ headline: '新聞' })).toBe(8 + 6);
    expect(itemBytes({ 見出し: 'x' })).toBe(9 + 1);
    expect(itemBytes({ t: '🧨' })).toBe(1 + 4);
  });

  it('counts binary raw, numbers by significant digits, null and booleans as one byte', () => {
    expect(valueBytes(new Uint8Array(1000))).toBe(1000);
    expect(valueBytes(12345)).toBe(4);
    expect(valueBytes(1000)).toBe(2);
    expect(valueBytes(null)).toBe(1);
    expect(valueBytes(true)).toBe(1);
  });

  it('adds three bytes per list or map and one per element', () => {
    expect(valueBytes([])).toBe(3);
    expect(valueBytes(['ab', 'c'])).toBe(3 + 1 + 2 + 1 + 1);
    expect(valueBytes({ a: 'xy' })).toBe(3 + 1 + 1 + 2);
  });
});
