import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { mediaKey, type Media } from '../../lambdas/domain/media.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle } from '../../lambdas/usecases/articles.js';
import { attachMedia } from '../../lambdas/usecases/media.js';
import { verifyStalePendingUploads } from '../../lambdas/usecases/sweep-pending-media.js';
import { verifyUpload, verifyUploadsLeftPending } from '../../lambdas/usecases/verify-upload.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { png } from '../support/media-files.js';
import { startS3 } from '../support/s3.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const BUCKET = 'media-verdicts';
const MINUTE = 60_000;

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let clock = Date.parse('2026-11-26T09:00:00.000Z');
let deps: ReturnType<typeof mediaDepsOn>;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media-verdicts');
  storage = await startS3(BUCKET);
  deps = mediaDepsOn(dynamo, storage, () => new Date(clock));
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

/** A draft with a declared PNG; `bytes` are put at its upload key (with no event, as when one is lost). */
async function pendingPhoto(bytes?: Buffer, on = deps) {
  const file = png(4, 2);
  const article = await createArticle(on, rita, () => ({ headline: 'Harbour', body: 'Copy.' }));
  const { media } = await attachMedia(on, rita, article.id, () => ({ filename: 'p.png', contentType: 'image/png', size: file.length }));
  const key = mediaKey(article.id, media.id);
  if (bytes) await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }));
  return { articleId: article.id, mediaId: media.id, key, file };
}
const statusOf = async (f: { articleId: string; mediaId: string }, on = deps) =>
  (await on.articles.get(f.articleId))!.media![f.mediaId]!.status;

describe('recording a verdict', () => {
  it('gives up with an error after five attempts when the article changes every time, leaving the file pending', async () => {
    let attempts = 0;
    class AlwaysMoved extends DynamoMediaArticleRepository {
      override async settleMedia(): Promise<boolean> {
        attempts++;
        return false;
      }
    }
    const photo = await pendingPhoto();
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: photo.key, Body: photo.file }));
    const racing = { ...deps, articles: new AlwaysMoved(dynamo.db, dynamo.tableName) };
    await expect(verifyUpload(racing, photo.key)).rejects.toThrow('The article changed on every one of 5 attempts');
    expect(attempts).toBe(5);
    expect(await statusOf(photo)).toBe('pending');
  });

  it('stops at once when the file was removed meanwhile', async () => {
    let attempts = 0;
    class RemovedMeanwhile extends DynamoMediaArticleRepository {
      override async settleMedia(articleId: string, media: Media, event: DomainEvent): Promise<boolean> {
        if (attempts++ === 0) {
          const seen = (await this.get(articleId))!;
          await this.removeMedia(seen, seen.media![media.id]!);
        }
        return super.settleMedia(articleId, media, event);
      }
    }
    const photo = await pendingPhoto();
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: photo.key, Body: photo.file }));
    const racing = { ...deps, articles: new RemovedMeanwhile(dynamo.db, dynamo.tableName) };
    expect(await verifyUpload(racing, photo.key)).toBe('ignored');
    expect(attempts).toBe(1);
    expect((await deps.articles.get(photo.articleId))!.media?.[photo.mediaId]).toBeUndefined();
  });
});

describe('the local catch-up of uploads left pending', () => {
  it('counts the files it settled, ready or rejected, and not the uploads it only cleared away', async () => {
    const good = await pendingPhoto(png(4, 2));
    const bad = await pendingPhoto(Buffer.alloc(png(4, 2).length, 7));
    const judged = await pendingPhoto(png(4, 2));
    expect(await verifyUpload(deps, judged.key)).toBe('ready');
    // A second upload to a file already judged: discarded, not counted.
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: judged.key, Body: png(4, 2) }));
    expect(await verifyUploadsLeftPending(deps)).toBe(2);
    expect([await statusOf(good), await statusOf(bad), await statusOf(judged)]).toEqual(['ready', 'rejected', 'ready']);
    expect(await verifyUploadsLeftPending(deps)).toBe(0);
  });
});

describe('the sweep of stale pending files', () => {
  // A table of its own: files left pending above must not count here.
  let own: Awaited<ReturnType<typeof startDynamo>>;
  let sweepDeps: typeof deps;
  let sweepLists: DynamoArticleLists;
  beforeAll(async () => {
    own = await startDynamo('newsroom-media-verdicts-sweep');
    sweepDeps = mediaDepsOn(own, storage, () => new Date(clock));
    sweepLists = new DynamoArticleLists(own.db, own.tableName);
  });
  afterAll(() => own.stop());

  it('takes a file exactly as old as the cutoff, and expires one only once its form’s expiry and margin have passed', async () => {
    clock = Date.parse('2026-11-26T10:00:00.000Z');
    const arrived = await pendingPhoto(png(4, 2), sweepDeps);
    const never = await pendingPhoto(undefined, sweepDeps);
    clock += 5 * MINUTE;
    expect(await verifyStalePendingUploads(sweepDeps, sweepLists, 5 * MINUTE)).toBe(1);
    expect(await statusOf(arrived, sweepDeps)).toBe('ready');
    // The form lives 15 minutes; a post at its last moment has landed a minute later.
    clock = Date.parse('2026-11-26T10:16:00.000Z');
    expect(await verifyStalePendingUploads(sweepDeps, sweepLists, 5 * MINUTE)).toBe(0);
    expect(await statusOf(never, sweepDeps)).toBe('pending');
    clock += 1;
    expect(await verifyStalePendingUploads(sweepDeps, sweepLists, 5 * MINUTE)).toBe(1);
    expect(await statusOf(never, sweepDeps)).toBe('expired');
  });

  it('goes through every page of drafts', async () => {
    clock = Date.parse('2026-11-26T11:00:00.000Z');
    const oldest = await pendingPhoto(png(4, 2), sweepDeps);
    // A hundred newer drafts: the one with the file is on the second page, newest first.
    for (let i = 0; i < 100; i++) {
      clock += 1;
      await createArticle(sweepDeps, rita, () => ({ headline: `Filler ${i}`, body: 'Copy.' }));
    }
    clock += 10 * MINUTE;
    expect(await verifyStalePendingUploads(sweepDeps, sweepLists, 5 * MINUTE)).toBe(1);
    expect(await statusOf(oldest, sweepDeps)).toBe('ready');
  });
});
