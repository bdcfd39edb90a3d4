import { describe, expect, it } from '@jest/globals';
// What the module imports loads with this file, as it does everywhere else: only the module's own
// tables are built inside the test.
import '../../lambdas/domain/errors.js';

/**
 * The media rules are tables and small functions built when the module loads. This file loads the
 * module inside its test (nothing here imports it statically), so what the module builds at load
 * is checked by a test that ran while it was built.
 */
describe('the media rules, as the module builds them when it loads', () => {
  it('hold the default types and limits, the accepted aliases, what blocks approval, and the upload keys', async () => {
    const media = await import('../../lambdas/domain/media.js');

    expect(media.DEFAULT_MEDIA_TYPES).toEqual({
      'image/jpeg': { maxBytes: 26_214_400, detectedAs: ['image/jpeg'] },
      'image/png': { maxBytes: 26_214_400, detectedAs: ['image/png'] },
      'image/webp': { maxBytes: 26_214_400, detectedAs: ['image/webp'] },
      'image/gif': { maxBytes: 26_214_400, detectedAs: ['image/gif'] },
      'audio/mpeg': { maxBytes: 209_715_200, detectedAs: ['audio/mpeg'] },
      'audio/mp4': { maxBytes: 209_715_200, detectedAs: ['audio/mp4', 'video/mp4'] },
      'video/mp4': { maxBytes: 2_147_483_648, detectedAs: ['video/mp4'] },
    });

    const stored = (declared: string) => media.checkDeclaredMedia(media.DEFAULT_MEDIA_TYPES, declared, 1);
    expect(['image/jpg', 'audio/x-m4a', 'audio/m4a', 'audio/mp3'].map(stored)).toEqual([
      'image/jpeg',
      'audio/mp4',
      'audio/mp4',
      'audio/mpeg',
    ]);

    expect((['pending', 'rejected', 'ready', 'expired'] as const).map((status) => media.blocksApproval({ status }))).toEqual([
      true,
      true,
      false,
      false,
    ]);

    expect(media.mediaKey('a1b2', 'f-9')).toBe('media/a1b2/f-9');
    expect(media.verifiedMediaKey('a1b2', 'f-9', 'v7')).toBe('media/a1b2/f-9/verified-v7');

    const id64 = 'A'.repeat(64);
    expect(media.parseMediaKey('media/a1b2/f-9')).toEqual({ articleId: 'a1b2', mediaId: 'f-9' });
    expect(media.parseMediaKey(`media/${id64}/${id64}`)).toEqual({ articleId: id64, mediaId: id64 });
    for (const key of [
      'site/media/a1b2/f-9',
      'media/a1b2/f-9/',
      'media/a1b2/f-9/verified-v7',
      `media/${id64}A/f-9`,
      `media/a1b2/${id64}A`,
    ]) {
      expect([key, media.parseMediaKey(key)]).toEqual([key, undefined]);
    }
  });
});
