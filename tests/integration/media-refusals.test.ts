import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { MEDIA_PER_ARTICLE, mediaKey } from '../../lambdas/domain/media.js';
import { createArticle, transitionArticle } from '../../lambdas/usecases/articles.js';
import { attachMedia, deleteMedia, listMedia } from '../../lambdas/usecases/media.js';
import { verifyUpload } from '../../lambdas/usecases/verify-upload.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { png } from '../support/media-files.js';
import { startS3 } from '../support/s3.js';
import { refusal } from '../support/refusal.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const carla: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const BUCKET = 'media-refusals';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let deps: ReturnType<typeof mediaDepsOn>;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media-refusals');
  storage = await startS3(BUCKET);
  deps = mediaDepsOn(dynamo, storage);
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

const draft = () => createArticle(deps, rita, () => ({ headline: 'Harbour', body: 'Copy.' }));
const declare = (articleId: string, size = 10, actor = rita) =>
  attachMedia(deps, actor, articleId, () => ({ filename: 'p.png', contentType: 'image/png', size }));

describe('attaching files', () => {
  it('takes at most the limit: one more is 409 saying so, with the article’s status', async () => {
    const a = await draft();
    for (let i = 0; i < MEDIA_PER_ARTICLE; i++) await declare(a.id);
    expect(await refusal(declare(a.id))).toEqual({
      status: 409,
      detail: `An article takes at most ${MEDIA_PER_ARTICLE} files: remove one first.`,
      extra: { currentStatus: 'draft' },
    });
    expect(Object.keys((await deps.articles.get(a.id))!.media!)).toHaveLength(MEDIA_PER_ARTICLE);
  });

  it('to someone else’s published article is 403 naming who may attach files', async () => {
    const a = await draft();
    await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, carla, a.id, 'approve', () => ({}), '"2"');
    const r = await refusal(declare(a.id, 10, omar));
    expect(r.status).toBe(403);
    expect(r.detail).toContain('attach files');
    const d = await refusal(deleteMedia(deps, omar, a.id, 'x'));
    expect(d.status).toBe(404);
  });
});

describe('removing a file', () => {
  it('from an article that never had one is 404', async () => {
    const a = await draft();
    expect(await refusal(deleteMedia(deps, rita, a.id, 'nothing-here'))).toMatchObject({
      status: 404,
      detail: 'No such media on this article.',
    });
  });

  it('from someone else’s published article is 403 naming who may remove files', async () => {
    const a = await draft();
    const bytes = png(2, 2);
    const { media } = await declare(a.id, bytes.length);
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: mediaKey(a.id, media.id), Body: bytes }));
    expect(await verifyUpload(deps, mediaKey(a.id, media.id))).toBe('ready');
    await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, carla, a.id, 'approve', () => ({}), `"${(await deps.articles.get(a.id))!.version}"`);
    const r = await refusal(deleteMedia(deps, omar, a.id, media.id));
    expect(r.status).toBe(403);
    expect(r.detail).toContain('remove files');
  });
});

describe('the file list', () => {
  it('links only a verified file: a rejected one has no link', async () => {
    const a = await draft();
    const { media } = await declare(a.id, 64);
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: mediaKey(a.id, media.id), Body: Buffer.alloc(64, 1) }));
    expect(await verifyUpload(deps, mediaKey(a.id, media.id))).toBe('rejected');
    expect(await listMedia(deps, rita, a.id)).toEqual([expect.objectContaining({ id: media.id, status: 'rejected', downloadUrl: null })]);
  });
});

describe('an upload event', () => {
  it('for a key that is no upload, or for an article that does not exist, is ignored', async () => {
    expect(await verifyUpload(deps, 'site/index.html')).toBe('ignored');
    const key = mediaKey('f5b8c2c4-0000-4000-8000-000000000000', 'a1b2c3d4-0000-4000-8000-000000000000');
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.from('stray') }));
    expect(await verifyUpload(deps, key)).toBe('ignored');
    expect(await deps.media.exists(key)).toBe(false);
  });
});
