import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { mediaKey } from '../../lambdas/domain/media.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, transitionArticle } from '../../lambdas/usecases/articles.js';
import { attachMedia, deleteMedia, listMedia, type MediaDeps } from '../../lambdas/usecases/media.js';
import { allowedActions } from '../../lambdas/domain/workflow.js';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { verifyStalePendingUploads } from '../../lambdas/usecases/sweep-pending-media.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { startS3 } from '../support/s3.js';
import { png } from '../support/media-files.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const MINUTE = 60_000;
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let s3: S3Client;
let lists: DynamoArticleLists;
let deps: MediaDeps;
/** The sweep's clock: tests move it forward instead of waiting. */
let clock = Date.now();

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media-sweep');
  storage = await startS3('media-sweep');
  s3 = storage.s3;
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
  deps = mediaDepsOn(dynamo, storage, () => new Date(clock));
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

/** A draft with one declared PNG; `upload` puts its bytes in the bucket (with no event, as when one is lost). */
async function draftWithPendingPhoto(headline: string, opts: { upload: boolean }) {
  const article = await createArticle(deps, reporter, () => ({ headline, body: 'Copy.' }));
  const file = png(6, 2);
  const { media } = await attachMedia(deps, reporter, article.id, () => ({
    filename: 'p.png',
    contentType: 'image/png',
    size: file.length,
  }));
  if (opts.upload) await s3.send(new PutObjectCommand({ Bucket: 'media-sweep', Key: mediaKey(article.id, media.id), Body: file }));
  return { articleId: article.id, mediaId: media.id };
}
const statusOf = async (f: { articleId: string; mediaId: string }) => (await deps.articles.get(f.articleId))!.media![f.mediaId]!.status;

describe('the cloud media sweep', () => {
  it('verifies uploads still pending after a few minutes, in drafts and in review, and leaves recent and settled ones alone', async () => {
    const inDraft = await draftWithPendingPhoto('Lost event, draft', { upload: true });
    const inReview = await draftWithPendingPhoto('Lost event, in review', { upload: true });
    await transitionArticle(deps, reporter, inReview.articleId, 'submit', () => ({}), undefined);
    const neverUploaded = await draftWithPendingPhoto('Form never posted', { upload: false });

    clock += 2 * MINUTE;
    const recent = await draftWithPendingPhoto('Just uploaded', { upload: true });
    // Nothing is stale yet: the event may still be on its way.
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBe(0);
    expect(await statusOf(inDraft)).toBe('pending');

    clock += 4 * MINUTE;
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBe(2);
    expect((await deps.articles.get(inDraft.articleId))!.media![inDraft.mediaId]).toMatchObject({ status: 'ready', width: 6, height: 2 });
    expect(await statusOf(inReview)).toBe('ready');
    // The object never arrived: still pending (its form may yet be posted), and recent uploads wait their turn.
    expect(await statusOf(neverUploaded)).toBe('pending');
    expect(await statusOf(recent)).toBe('pending');

    // A second pass settles nothing twice.
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBe(0);
    clock += 5 * MINUTE;
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBe(1);
    expect(await statusOf(recent)).toBe('ready');
  });
});

describe('an upload that never arrives', () => {
  it('becomes expired once its form has run out: listed, no longer holding approval back, and removable', async () => {
    const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
    const never = await draftWithPendingPhoto('Form never posted, then expired', { upload: false });
    await transitionArticle(deps, reporter, never.articleId, 'submit', () => ({}), undefined);
    const etag = async () => `"${(await deps.articles.get(never.articleId))!.version}"`;
    // Pending: approval waits.
    await expect(transitionArticle(deps, chief, never.articleId, 'approve', () => ({}), await etag())).rejects.toThrow(
      'Attached files are still being checked',
    );

    clock += 10 * MINUTE;
    await verifyStalePendingUploads(deps, lists, 5 * MINUTE);
    // The form (15 minutes) may still be posted.
    expect(await statusOf(never)).toBe('pending');

    clock += 10 * MINUTE;
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBeGreaterThanOrEqual(1);
    expect((await listMedia(deps, reporter, never.articleId))[0]).toMatchObject({
      id: never.mediaId,
      status: 'expired',
      reason: 'the upload form expired before the file arrived',
      downloadUrl: null,
    });
    expect(await verifyStalePendingUploads(deps, lists, 5 * MINUTE)).toBe(0);
    expect(allowedActions(chief, (await deps.articles.get(never.articleId))!)).toContain('approve');
    expect((await transitionArticle(deps, chief, never.articleId, 'approve', () => ({}), await etag())).status).toBe('published');
  });

  it('an expired file can be removed, and removing it holds nothing back', async () => {
    const never = await draftWithPendingPhoto('Expired, then removed', { upload: false });
    clock += 20 * MINUTE;
    await verifyStalePendingUploads(deps, lists, 5 * MINUTE);
    expect(await statusOf(never)).toBe('expired');
    await deleteMedia(deps, reporter, never.articleId, never.mediaId);
    const after = (await deps.articles.get(never.articleId))!;
    expect(after.media).toEqual({});
    const { Item } = await dynamo.db.send(
      new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${never.articleId}`, SK: 'ARTICLE' } }),
    );
    expect(Item!.mediaBlocking).toBe(0);
  });
});
