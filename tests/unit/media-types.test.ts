import { describe, expect, it } from '@jest/globals';
import {
  blocksApproval,
  checkDeclaredMedia,
  DEFAULT_MEDIA_TYPES,
  maxPixelsFrom,
  mediaKey,
  mediaTypesFrom,
  parseMediaKey,
  verifiedMediaKey,
} from '../../lambdas/domain/media.js';
import { ProblemError } from '../../lambdas/domain/errors.js';

/** What every refusal of a declared upload lists as allowed, written out in bytes. */
const ALLOWED = [
  { type: 'image/jpeg', maxBytes: 26_214_400 },
  { type: 'image/png', maxBytes: 26_214_400 },
  { type: 'image/webp', maxBytes: 26_214_400 },
  { type: 'image/gif', maxBytes: 26_214_400 },
  { type: 'audio/mpeg', maxBytes: 209_715_200 },
  { type: 'audio/mp4', maxBytes: 209_715_200 },
  { type: 'video/mp4', maxBytes: 2_147_483_648 },
];

function refusal(run: () => unknown): { status: number; title: string; detail: string; extra: Record<string, unknown> } {
  try {
    run();
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, title: err.title, detail: err.message, extra: err.extra };
    throw err;
  }
  throw new Error('the upload was accepted');
}

describe('the media types reporters may upload by default', () => {
  it('are these seven, with these limits, and what the verifier may find in each', () => {
    expect(DEFAULT_MEDIA_TYPES).toEqual({
      'image/jpeg': { maxBytes: 26_214_400, detectedAs: ['image/jpeg'] },
      'image/png': { maxBytes: 26_214_400, detectedAs: ['image/png'] },
      'image/webp': { maxBytes: 26_214_400, detectedAs: ['image/webp'] },
      'image/gif': { maxBytes: 26_214_400, detectedAs: ['image/gif'] },
      'audio/mpeg': { maxBytes: 209_715_200, detectedAs: ['audio/mpeg'] },
      'audio/mp4': { maxBytes: 209_715_200, detectedAs: ['audio/mp4', 'video/mp4'] },
      'video/mp4': { maxBytes: 2_147_483_648, detectedAs: ['video/mp4'] },
    });
  });

  it('are also the table when MEDIA_MAX_BYTES is unset, and only the named limits change when it is set', () => {
    expect(mediaTypesFrom(undefined)).toEqual(DEFAULT_MEDIA_TYPES);
    expect(mediaTypesFrom('')).toEqual(DEFAULT_MEDIA_TYPES);
    const types = mediaTypesFrom('{"image/png": 1000, "video/mp4": 5000}');
    expect(Object.entries(types).map(([type, rule]) => [type, rule.maxBytes])).toEqual([
      ['image/jpeg', 26_214_400],
      ['image/png', 1000],
      ['image/webp', 26_214_400],
      ['image/gif', 26_214_400],
      ['audio/mpeg', 209_715_200],
      ['audio/mp4', 209_715_200],
      ['video/mp4', 5000],
    ]);
    // The defaults stay as they were for every other reader.
    expect(DEFAULT_MEDIA_TYPES['image/png']!.maxBytes).toBe(26_214_400);
  });

  it('refuses a MEDIA_MAX_BYTES that names an unknown type or is not a positive whole number', () => {
    for (const bad of ['{"image/tiff": 5}', '{"image/png": 0}', '{"image/png": 1.5}', '{"image/png": "1000"}', '{"image/png": true}']) {
      expect(() => mediaTypesFrom(bad)).toThrow(/^MEDIA_MAX_BYTES: "image\/(tiff|png)" must be one of image\/jpeg, image\/png, /);
    }
  });
});

describe('declared uploads', () => {
  it.each([
    ['image/jpeg', 'image/jpeg'],
    ['image/jpg', 'image/jpeg'],
    ['IMAGE/JPG', 'image/jpeg'],
    ['image/png', 'image/png'],
    ['image/webp', 'image/webp'],
    ['image/gif', 'image/gif'],
    ['audio/mpeg', 'audio/mpeg'],
    ['audio/mp3', 'audio/mpeg'],
    ['audio/mp4', 'audio/mp4'],
    ['audio/x-m4a', 'audio/mp4'],
    ['audio/m4a', 'audio/mp4'],
    ['video/mp4', 'video/mp4'],
  ])('declared as %s, is stored as %s', (declared, stored) => {
    expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, declared, 1)).toBe(stored);
  });

  it('takes each type up to its limit and refuses one byte more with a 413 pointing at /size', () => {
    for (const { type, maxBytes } of ALLOWED) {
      expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, type, maxBytes)).toBe(type);
    }
    expect(refusal(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'audio/mp3', 209_715_201))).toEqual({
      status: 413,
      title: 'Payload Too Large',
      detail: 'audio/mpeg files are limited to 209715200 bytes.',
      extra: {
        limit: 209_715_200,
        allowed: ALLOWED,
        errors: [{ pointer: '/size', message: 'audio/mpeg files are limited to 209715200 bytes.' }],
      },
    });
  });

  it('refuses other types with a 415 pointing at /contentType and listing what is allowed', () => {
    expect(refusal(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/svg+xml', 10))).toEqual({
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Newsroom does not take image/svg+xml files.',
      extra: {
        allowed: ALLOWED,
        errors: [{ pointer: '/contentType', message: 'Newsroom does not take image/svg+xml files.' }],
      },
    });
    // An alias names a type; it is not one the newsroom offers by itself.
    expect(refusal(() => checkDeclaredMedia({ 'image/png': DEFAULT_MEDIA_TYPES['image/png']! }, 'image/jpg', 10)).status).toBe(415);
  });
});

describe('which files hold approval back', () => {
  it.each([
    ['pending', true],
    ['rejected', true],
    ['ready', false],
    ['expired', false],
  ] as const)('a %s file: %s', (status, blocks) => {
    expect(blocksApproval({ status })).toBe(blocks);
  });
});

describe('where uploads and their verified copies live', () => {
  it('an upload form writes to media/<article>/<file>, a verification copies it below that', () => {
    expect(mediaKey('a1b2', 'f-9')).toBe('media/a1b2/f-9');
    expect(verifiedMediaKey('a1b2', 'f-9', 'v7')).toBe('media/a1b2/f-9/verified-v7');
  });

  it('the verifier takes uploads from upload keys only', () => {
    const id64 = 'A'.repeat(64);
    expect(parseMediaKey('media/a1b2/f-9')).toEqual({ articleId: 'a1b2', mediaId: 'f-9' });
    expect(parseMediaKey('media/0194c3e2-7b1a-7c00-8000-00000000000a/0194c3e2-7b1a-7c00-8000-00000000000b')).toEqual({
      articleId: '0194c3e2-7b1a-7c00-8000-00000000000a',
      mediaId: '0194c3e2-7b1a-7c00-8000-00000000000b',
    });
    expect(parseMediaKey(`media/${id64}/${id64}`)).toEqual({ articleId: id64, mediaId: id64 });
    for (const key of [
      'media/a1b2/f-9/verified-v7',
      'site/media/a1b2/f-9',
      'media/a1b2/f-9/',
      'media//f-9',
      'media/a1b2/',
      'media/a_b/f-9',
      'media/a1b2/f.9',
      `media/${id64}A/f-9`,
      `media/a1b2/${id64}A`,
      'media/a1b2',
    ]) {
      expect([key, parseMediaKey(key)]).toEqual([key, undefined]);
    }
  });
});

describe('the pixel limit for images (MEDIA_MAX_PIXELS)', () => {
  it('is 50 megapixels when unset or set to nothing', () => {
    expect(maxPixelsFrom(undefined)).toBe(50_000_000);
    expect(maxPixelsFrom('')).toBe(50_000_000);
    expect(maxPixelsFrom('1000')).toBe(1000);
  });
});
