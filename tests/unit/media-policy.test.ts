import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from '@jest/globals';
import { checkDeclaredMedia, DEFAULT_MEDIA_TYPES, mediaTypesFrom, verdict } from '../../lambdas/domain/media.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { S3MediaStore } from '../../lambdas/store/s3-media-store.js';

const s3 = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

describe('the presigned upload policy (what S3 enforces, and s3rver does not)', () => {
  it('pins the key, the declared content type and exactly the declared size, and expires within 15 minutes', async () => {
    const before = Date.now();
    const form = await new S3MediaStore(s3, 'newsroom-media').presignUpload('media/a1/m1', 'image/png', 73, 900);
    const policy = JSON.parse(Buffer.from(form.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'newsroom-media' },
        ['eq', '$key', 'media/a1/m1'],
        ['eq', '$Content-Type', 'image/png'],
        ['content-length-range', 73, 73],
      ]),
    );
    const expires = Date.parse(policy.expiration);
    expect(expires - before).toBeGreaterThan(14 * 60_000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 1_000);
    expect(form.fields).toMatchObject({ key: 'media/a1/m1', 'Content-Type': 'image/png' });
    expect(Math.abs(Date.parse(form.expiresAt) - expires)).toBeLessThan(1_000);
  });
});

describe('declared media', () => {
  const code = (f: () => unknown) => {
    try {
      f();
      return 200;
    } catch (err) {
      return (err as ProblemError).statusCode;
    }
  };

  it('takes the newsroom’s image, audio and video types up to their limits', () => {
    expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/jpg', 1000)).toBe('image/jpeg');
    expect(checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'audio/x-m4a', 1000)).toBe('audio/mp4');
    expect(code(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/webp', 25 * 1024 * 1024))).toBe(200);
    expect(code(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/webp', 25 * 1024 * 1024 + 1))).toBe(413);
    expect(code(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'video/mp4', 2 * 1024 ** 3))).toBe(200);
    expect(code(() => checkDeclaredMedia(DEFAULT_MEDIA_TYPES, 'image/svg+xml', 10))).toBe(415);
  });

  it('limits are configurable, and a bad setting fails at start', () => {
    const types = mediaTypesFrom('{"image/png": 1000}');
    expect(code(() => checkDeclaredMedia(types, 'image/png', 1001))).toBe(413);
    expect(() => mediaTypesFrom('{"image/tiff": 5}')).toThrow(/MEDIA_MAX_BYTES/);
    expect(() => mediaTypesFrom('{"image/png": -1}')).toThrow(/MEDIA_MAX_BYTES/);
  });

  it('judges a file by its bytes and its size, not by its name', () => {
    const declared = { contentType: 'image/png', size: 73 };
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, { size: 73, detectedType: 'image/png' })).toBeUndefined();
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, { size: 73, detectedType: 'image/jpeg' })).toMatch(/image\/jpeg/);
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, { size: 74, detectedType: 'image/png' })).toMatch(/74 bytes/);
    expect(verdict(DEFAULT_MEDIA_TYPES, { contentType: 'audio/mp4', size: 5 }, { size: 5, detectedType: 'audio/x-m4a' })).toBeUndefined();
  });
});
