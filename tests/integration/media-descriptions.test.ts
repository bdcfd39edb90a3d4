import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { mediaKey, type Media } from '../../lambdas/domain/media.js';
import { createArticle, transitionArticle } from '../../lambdas/usecases/articles.js';
import { attachMedia, deleteMedia, describeMedia } from '../../lambdas/usecases/media.js';
import { verifyUpload } from '../../lambdas/usecases/verify-upload.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { png } from '../support/media-files.js';
import { startS3 } from '../support/s3.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const BUCKET = 'media-descriptions';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let deps: ReturnType<typeof mediaDepsOn>;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media-descriptions');
  storage = await startS3(BUCKET);
  deps = mediaDepsOn(dynamo, storage);
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

async function refusal(p: Promise<unknown>): Promise<{ status: number; detail: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, detail: err.message };
    throw err;
  }
  return { status: 200, detail: '' };
}

const draft = () => createArticle(deps, rita, () => ({ headline: 'Harbour pictures', body: 'Copy.' }));

/** Attaches a PNG with a caption and credit; with `upload`, uploads and verifies it too. */
async function attached(articleId: string, upload = false): Promise<Media> {
  const bytes = png(3, 2);
  const { media } = await attachMedia(deps, rita, articleId, () => ({
    filename: 'harbour.png',
    contentType: 'image/png',
    size: bytes.length,
    caption: 'The harbour at dawn',
    credit: 'Rita',
  }));
  if (upload) {
    const key = mediaKey(articleId, media.id);
    await storage.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, ContentType: 'image/png' }));
    expect(await verifyUpload(deps, key)).toBe('ready');
  }
  return (await deps.articles.get(articleId))!.media![media.id]!;
}

const stored = async (key: string) => (await deps.media.exists(key)) && key;

describe('describing a file', () => {
  it('changes only what is given, keeps the rest, and stores it on the article', async () => {
    const a = await draft();
    const file = await attached(a.id);
    const view = await describeMedia(deps, rita, a.id, file.id, () => ({ caption: 'The harbour at noon' }));
    expect(view).toMatchObject({
      id: file.id,
      filename: 'harbour.png',
      caption: 'The harbour at noon',
      credit: 'Rita',
      status: 'pending',
      downloadUrl: null,
    });
    const again = await describeMedia(deps, editor, a.id, file.id, () => ({ credit: null }));
    expect(again).toMatchObject({ caption: 'The harbour at noon', credit: null });
    expect((await deps.articles.get(a.id))!.media![file.id]).toMatchObject({ caption: 'The harbour at noon', credit: null });
  });

  it('of a verified file hands back its download link', async () => {
    const a = await draft();
    const file = await attached(a.id, true);
    const view = await describeMedia(deps, rita, a.id, file.id, () => ({ credit: 'Newsroom' }));
    expect(view).toMatchObject({ status: 'ready', credit: 'Newsroom', downloadUrl: expect.stringMatching(/^http/) });
    expect(view).not.toHaveProperty('storedKey');
  });

  it('with nothing to change is 400; of a file the article does not have is 404', async () => {
    const a = await draft();
    const file = await attached(a.id);
    expect(await refusal(describeMedia(deps, rita, a.id, file.id, () => ({})))).toEqual({
      status: 400,
      detail: expect.any(String),
    });
    expect(await refusal(describeMedia(deps, rita, a.id, randomUUID(), () => ({ caption: 'x' })))).toEqual({
      status: 404,
      detail: 'No such media on this article.',
    });
    expect((await deps.articles.get(a.id))!.media![file.id]!.caption).toBe('The harbour at dawn');
  });

  it('on someone else’s published article is 403 for a reporter, naming who may describe files', async () => {
    const a = await draft();
    const file = await attached(a.id, true);
    await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
    const published = await transitionArticle(deps, chief, a.id, 'approve', () => ({}), `"${(await deps.articles.get(a.id))!.version}"`);
    expect(published.status).toBe('published');
    const r = await refusal(describeMedia(deps, omar, a.id, file.id, () => ({ caption: 'Mine now' })));
    expect(r.status).toBe(403);
    expect(r.detail).toContain('describe files');
    expect((await deps.articles.get(a.id))!.media![file.id]!.caption).toBe('The harbour at dawn');
    // A file the article does not have is 404 before any question of rights.
    expect((await refusal(describeMedia(deps, omar, a.id, randomUUID(), () => ({ caption: 'x' })))).status).toBe(404);
    const hidden = await refusal(describeMedia(deps, omar, (await draft()).id, file.id, () => ({ caption: 'x' })));
    expect(hidden.status).toBe(404);
  });
});

describe('removing a file', () => {
  it('deletes both the upload and its verified copy', async () => {
    const a = await draft();
    const file = await attached(a.id, true);
    expect(file.storedKey).toEqual(expect.any(String));
    const upload = mediaKey(a.id, file.id);
    await deleteMedia(deps, rita, a.id, file.id);
    expect(await stored(file.storedKey!)).toBe(false);
    expect(await stored(upload)).toBe(false);
    expect((await deps.articles.get(a.id))!.media?.[file.id]).toBeUndefined();
  });
});
