import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from '@jest/globals';
import { checkDeclaredMedia, DEFAULT_MEDIA_TYPES, maxPixelsFrom, mediaTypesFrom, verdict } from '../../lambdas/domain/media.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { attachmentDisposition, S3MediaStore } from '../../lambdas/adapters/s3-media-store.js';

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

describe('the presigned download link (what S3 serves, and how)', () => {
  it('asks S3 to serve the file as an attachment of its verified type, never inline', async () => {
    const url = new URL(
      await new S3MediaStore(s3, 'newsroom-media').presignDownload('media/a1/m1/verified-v1', 300, {
        filename: 'Grenzposten "Süd" (1).png',
        contentType: 'image/png',
      }),
    );
    expect(url.pathname).toBe('/media/a1/m1/verified-v1');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="Grenzposten _S_d_ (1).png"; filename*=UTF-8''Grenzposten%20%22S%C3%BCd%22%20%281%29.png`,
    );
    expect(url.searchParams.get('response-content-type')).toBe('image/png');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    // The overrides are part of what is signed: changing them invalidates the link.
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the fallback name to printable ASCII without quotes or backslashes', () => {
    expect(attachmentDisposition('a\\b".mp3')).toBe(`attachment; filename="a_b_.mp3"; filename*=UTF-8''a%5Cb%22.mp3`);
    expect(attachmentDisposition("l'été.jpg")).toBe(`attachment; filename="l'_t_.jpg"; filename*=UTF-8''l%27%C3%A9t%C3%A9.jpg`);
  });
});

describe('objects S3 says are not there', () => {
  it('takes a 403 for a missing object, as S3 answers callers without s3:ListBucket', async () => {
    // What S3 answers a caller holding s3:GetObject but not s3:ListBucket for a key that does not exist.
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.headers['x-amz-copy-source'] ? 'copy' : req.headers.range ? 'range' : 'plain'}`);
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const client = new S3Client({
      region: 'eu-west-1',
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    try {
      const store = new S3MediaStore(client, 'newsroom-media');
      expect(await store.exists('media/a1/m1')).toBe(false);
      expect(await store.open('media/a1/m1')).toBeUndefined();
      expect(await store.copy('media/a1/m1', 'media/a1/m1/verified-v1')).toBe(false);
      expect(seen).toEqual(['HEAD plain', 'GET range', 'PUT copy']);
    } finally {
      client.destroy();
      server.close();
    }
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
    expect(verdict(DEFAULT_MEDIA_TYPES, { contentType: 'audio/mp4', size: 5 }, { size: 5, detectedType: 'audio/mp4' })).toBeUndefined();
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, { size: 73, detectedType: 'image/png', problem: 'there is no IDAT chunk' })).toBe(
      'content is not a valid image/png file: there is no IDAT chunk',
    );
  });

  it('refuses images over 50 megapixels by default, or over MEDIA_MAX_PIXELS', () => {
    const declared = { contentType: 'image/png', size: 73 };
    const found = (pixels: number) => ({ size: 73, detectedType: 'image/png', pixels });
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, found(50_000_000))).toBeUndefined();
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, found(50_000_001))).toMatch(/more than the 50000000 allowed/);
    expect(verdict(DEFAULT_MEDIA_TYPES, declared, found(1001), maxPixelsFrom('1000'))).toMatch(/1001 pixels/);
    expect(maxPixelsFrom(undefined)).toBe(50_000_000);
    expect(() => maxPixelsFrom('lots')).toThrow(/MEDIA_MAX_PIXELS/);
    expect(() => maxPixelsFrom('0')).toThrow(/MEDIA_MAX_PIXELS/);
  });
});
