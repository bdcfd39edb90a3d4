import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { mediaKey } from '../../lambdas/domain/media.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { createArticle } from '../../lambdas/usecases/articles.js';
import { attachMedia, type MediaDeps } from '../../lambdas/usecases/media.js';
import { verifyUpload, verifyUploadsLeftPending } from '../../lambdas/usecases/verify-upload.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { startS3 } from '../support/s3.js';
import { box, mp3, mp4, png } from '../support/media-files.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let s3: S3Client;
let deps: MediaDeps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media');
  storage = await startS3('media-test');
  s3 = storage.s3;
  deps = mediaDepsOn(dynamo, storage);
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

describe('the media verifier', () => {
  it('treats a duplicate object-created event as a no-op: one verdict, one event', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Pictures', body: 'Copy.' }));
    const file = png(5, 4);
    const { media } = await attachMedia(deps, reporter, article.id, () => ({
      filename: 'p.png',
      contentType: 'image/png',
      size: file.length,
    }));
    const key = mediaKey(article.id, media.id);
    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: file, ContentType: 'image/png' }));

    const outcomes = await Promise.all([verifyUpload(deps, key), verifyUpload(deps, key)]);
    expect(outcomes.sort()).toEqual(['ignored', 'ready']);
    expect(await verifyUpload(deps, key)).toBe('ignored');
    const events = await new DynamoOutbox(dynamo.db, dynamo.tableName).pendingEvents(article.id);
    expect(events.filter((e) => e.type === 'MediaReady')).toHaveLength(1);
    expect((await deps.articles.get(article.id))!.media![media.id]).toMatchObject({ status: 'ready', width: 5, height: 4 });
  });

  it('settles uploads whose event never came, and leaves settled ones alone', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Lost event', body: 'Copy.' }));
    const file = png(7, 3);
    const { media } = await attachMedia(deps, reporter, article.id, () => ({
      filename: 'l.png',
      contentType: 'image/png',
      size: file.length,
    }));
    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: mediaKey(article.id, media.id), Body: file }));
    expect((await deps.articles.get(article.id))!.media![media.id]!.status).toBe('pending');

    expect(await verifyUploadsLeftPending(deps)).toBe(1);
    expect((await deps.articles.get(article.id))!.media![media.id]).toMatchObject({ status: 'ready', width: 7, height: 3 });
    expect(await verifyUploadsLeftPending(deps)).toBe(0);
  });

  it('judges a copy no form can write, serves only that, and discards later uploads to the form’s key', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Swapped', body: 'Copy.' }));
    const file = png(6, 2);
    const { media } = await attachMedia(deps, reporter, article.id, () => ({
      filename: 's.png',
      contentType: 'image/png',
      size: file.length,
    }));
    const key = mediaKey(article.id, media.id);
    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: file }));
    expect(await verifyUpload(deps, key)).toBe('ready');
    const stored = (await deps.articles.get(article.id))!.media![media.id]!;
    expect(stored.storedKey).toMatch(new RegExp(`^${key}/verified-`));
    expect(await deps.media.exists(key)).toBe(false);

    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: Buffer.alloc(file.length, '<') }));
    expect(await verifyUpload(deps, key)).toBe('discarded');
    expect(await deps.media.exists(key)).toBe(false);
    expect(await verifyUpload(deps, key)).toBe('ignored');
    const served = await deps.media.open(stored.storedKey!);
    expect(Buffer.from(await served!.read(0, served!.size)).equals(file)).toBe(true);
    expect((await deps.articles.get(article.id))!.media![media.id]).toEqual(stored);
  });

  it('rejects a PNG header followed by HTML, and keeps no copy of it', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Polyglot', body: 'Copy.' }));
    const file = Buffer.concat([png(1, 1).subarray(0, 33), Buffer.from('<html><script>alert(1)</script></html>')]);
    const { media } = await attachMedia(deps, reporter, article.id, () => ({
      filename: 'p.png',
      contentType: 'image/png',
      size: file.length,
    }));
    const key = mediaKey(article.id, media.id);
    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: file }));
    expect(await verifyUpload(deps, key)).toBe('rejected');
    expect((await deps.articles.get(article.id))!.media![media.id]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^content is not a valid image\/png file/),
    });
    const left = [];
    for await (const k of deps.media.keys(`media/${article.id}/`)) left.push(k);
    expect(left).toEqual([]);
  });

  it('reads large audio and video by ranges: frames of an MP3, box headers around a large MP4 media box', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Sound and vision', body: 'Copy.' }));
    const movie = mp4({ handler: 'vide', seconds: 90 });
    // ftyp (24 bytes), then media data larger than one ranged read, then the movie box.
    const mdatAt = movie.indexOf('mdat') - 4;
    const bigData = box('mdat', Buffer.alloc(6 * 1024 * 1024, 7));
    const files = [
      { file: movie, type: 'video/mp4' },
      { file: Buffer.concat([movie.subarray(0, 24), bigData, movie.subarray(24, mdatAt)]), type: 'video/mp4' },
      { file: mp3(12_000), type: 'audio/mpeg' },
    ];
    for (const { file, type } of files) {
      const { media } = await attachMedia(deps, reporter, article.id, () => ({ filename: 'f.bin', contentType: type, size: file.length }));
      const key = mediaKey(article.id, media.id);
      await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: file }));
      expect(await verifyUpload(deps, key)).toBe('ready');
    }
  });

  it('deletes an object nobody declared', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: 'Stray', body: 'Copy.' }));
    const key = mediaKey(article.id, randomUUID());
    await s3.send(new PutObjectCommand({ Bucket: 'media-test', Key: key, Body: png(1, 1) }));
    expect(await verifyUpload(deps, key)).toBe('ignored');
    expect(await deps.media.exists(key)).toBe(false);
  });
});
