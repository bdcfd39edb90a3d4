import { describe, expect, it } from '@jest/globals';
// What the modules import loads with this file, as it does everywhere else: only the modules' own
// constants are set inside the tests.
import '../../lambdas/domain/article.js';
import '../../lambdas/domain/errors.js';
import '../../lambdas/domain/media.js';
import '../../lambdas/store/keys.js';

/**
 * The item limits are constants set when their modules load. Each test here loads its module
 * itself (nothing here imports them statically), so the limits are checked by a test that ran
 * while they were set.
 */
describe('the limits of a stored article, as their modules set them when they load', () => {
  it('keep 2 KB of DynamoDB’s 400 KB item free, and count text in UTF-8 bytes', async () => {
    const { checkItemBudget, itemBytes, ITEM_LIMIT_BYTES, SAFETY_BYTES } = await import('../../lambdas/store/item-size.js');

    expect([ITEM_LIMIT_BYTES, SAFETY_BYTES]).toEqual([409_600, 2_048]);
    expect(() => checkItemBudget(407_552, 'content', { media: 0, outbox: 0 })).not.toThrow();
    expect(() => checkItemBudget(407_553, 'content', { media: 0, outbox: 0 })).toThrow(/at most 407552 fit/);
    expect(itemBytes({ headline: '新聞' })).toBe(8 + 6);
  });

  it('store a body that deflates to well under 300 KiB', async () => {
    const { decodeBody, encodeBody } = await import('../../lambdas/store/article-item.js');

    // Digits in an order that does not repeat deflate to about half their length: some 100 KB here.
    let body = '';
    for (let i = 0; body.length < 200_000; i++) body += String((i * 7_919) % 100_003);
    const packed = encodeBody(body);
    expect(packed.byteLength).toBeGreaterThan(50_000);
    expect(decodeBody(packed)).toBe(body);
  });
});
