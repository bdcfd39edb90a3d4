import { randomUUID } from 'node:crypto';
import { storedEtag } from '../support/etag.js';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { mediaKey, type Media } from '../../lambdas/domain/media.js';
import { decide } from '../../lambdas/domain/workflow.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { articleHistory, createArticle, readArticle, transitionArticle, writeTransition } from '../../lambdas/usecases/articles.js';
import { attachMedia, deleteMedia, listMedia } from '../../lambdas/usecases/media.js';
import { WriteConflict, type EventPublisher } from '../../lambdas/usecases/ports.js';
import { verifyUpload } from '../../lambdas/usecases/verify-upload.js';
import { dispatchArticle } from '../../lambdas/workers/dispatch.js';
import { startDynamo } from '../support/dynamo.js';
import { mediaDepsOn } from '../support/media-deps.js';
import { startS3 } from '../support/s3.js';
import { png } from '../support/media-files.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const rival: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const nobody: Actor = { id: 'guest', name: 'Guest', groups: [] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const BUCKET = 'media-guards';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let s3: S3Client;
let deps: ReturnType<typeof mediaDepsOn>;
let repository: DynamoMediaArticleRepository;
let outbox: DynamoOutbox;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-media-guards');
  storage = await startS3(BUCKET);
  s3 = storage.s3;
  deps = mediaDepsOn(dynamo, storage);
  repository = deps.articles;
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});

async function problemOf(p: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    await p;
    return { status: 200, body: {} };
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, body: err.extra };
    throw err;
  }
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

const draft = () => createArticle(deps, reporter, () => ({ headline: 'Pictures from the border', body: 'Copy.' }));

/** Declares a file, uploads `bytes` as it, and lets the verifier judge it. */
async function withFile(articleId: string, bytes: Buffer | undefined): Promise<Media> {
  const size = bytes?.length ?? 64;
  const { media } = await attachMedia(deps, reporter, articleId, () => ({ filename: 'p.png', contentType: 'image/png', size }));
  if (bytes) {
    const key = mediaKey(articleId, media.id);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, ContentType: 'image/png' }));
    await verifyUpload(deps, key);
  }
  return (await repository.get(articleId))!.media![media.id]!;
}

const submit = (id: string) => transitionArticle(deps, reporter, id, 'submit', () => ({}), undefined);

describe('approval waits for every file to be verified', () => {
  it('refuses to schedule (approve with a future publishAt) while a file is pending: 409, nothing changes', async () => {
    const a = await draft();
    const pending = await withFile(a.id, undefined);
    expect(pending.status).toBe('pending');
    await submit(a.id);
    const before = (await repository.get(a.id))!.version;

    const refused = await problemOf(
      transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt: tomorrow() }), await storedEtag(deps.articles, a.id)),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.media).toEqual([{ id: pending.id, filename: 'p.png', status: 'pending', reason: null }]);
    const after = await readArticle(deps, chief, a.id);
    expect(after).toMatchObject({ status: 'in_review', version: before, publishAt: null, approvedBy: null });
    expect((await outbox.pendingEvents(a.id)).map((e) => e.type)).toEqual(['ArticleCreated', 'ArticleSubmitted']);
  });

  it('refuses to schedule while a file was rejected, and to publish now as well', async () => {
    const a = await draft();
    const rejected = await withFile(a.id, Buffer.from('#!/bin/sh\necho this is no picture\n'.repeat(3)));
    expect(rejected.status).toBe('rejected');
    await submit(a.id);

    const later = await problemOf(
      transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt: tomorrow() }), await storedEtag(deps.articles, a.id)),
    );
    expect(later.status).toBe(409);
    expect(later.body.media).toEqual([expect.objectContaining({ id: rejected.id, status: 'rejected' })]);
    const now = await problemOf(transitionArticle(deps, chief, a.id, 'approve', () => ({}), await storedEtag(deps.articles, a.id)));
    expect(now.status).toBe(409);
    expect((await readArticle(deps, chief, a.id)).status).toBe('in_review');
  });

  it('schedules once the file is verified', async () => {
    const a = await draft();
    expect((await withFile(a.id, png(4, 3))).status).toBe('ready');
    await submit(a.id);
    const publishAt = tomorrow();
    const scheduled = await transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), await storedEtag(deps.articles, a.id));
    expect(scheduled).toMatchObject({ status: 'scheduled', publishAt, approvedBy: chief.id });
  });

  it('a file attached between the approval’s read and its write makes the write fail; nothing is published', async () => {
    const a = await draft();
    await submit(a.id);
    const seen = (await repository.get(a.id))!;
    const decision = decide(chief, seen, 'approve', 'now');
    if (decision.outcome !== 'allowed') throw new Error(`approve not allowed: ${decision.outcome}`);

    // An editor attaches a file after the approval read the article. The attach moves the version on,
    // and the approval's write also requires no unverified file: either condition refuses it.
    const { media } = await attachMedia(deps, editor, a.id, () => ({ filename: 'late.png', contentType: 'image/png', size: 99 }));
    expect((await repository.get(a.id))!.version).toBe(seen.version + 1);

    await expect(writeTransition(deps, chief, seen, decision.rule)).rejects.toBeInstanceOf(WriteConflict);
    const after = (await repository.get(a.id))!;
    expect(after).toMatchObject({ status: 'in_review', version: seen.version + 1, publishedAt: null });
    expect(after.media![media.id]!.status).toBe('pending');
    expect((await outbox.pendingEvents(a.id)).map((e) => e.type)).toEqual(['ArticleCreated', 'ArticleSubmitted']);
  });

  it('an approval racing an attach answers 409 with the file, after reading the article again', async () => {
    const a = await draft();
    await submit(a.id);
    let attached: Media | undefined;
    // The real repository; the attach lands just before the approval's first write.
    const racing = Object.create(repository) as DynamoMediaArticleRepository;
    racing.transition = async (seen: Article, ...rest) => {
      if (!attached) {
        attached = (await attachMedia(deps, editor, a.id, () => ({ filename: 'race.png', contentType: 'image/png', size: 77 }))).media;
      }
      return repository.transition(seen, ...rest);
    };
    const refused = await problemOf(
      transitionArticle({ ...deps, articles: racing }, chief, a.id, 'approve', () => ({}), await storedEtag(deps.articles, a.id)),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.media).toEqual([{ id: attached!.id, filename: 'race.png', status: 'pending', reason: null }]);
    expect((await readArticle(deps, chief, a.id)).status).toBe('in_review');
  });
});

describe('removing a file', () => {
  it('is 404 on someone else’s draft, whoever asks outside the desk; the file stays', async () => {
    const a = await draft();
    const file = await withFile(a.id, undefined);
    expect((await problemOf(deleteMedia(deps, rival, a.id, file.id))).status).toBe(404);
    expect((await problemOf(deleteMedia(deps, nobody, a.id, file.id))).status).toBe(404);
    expect((await listMedia(deps, reporter, a.id)).map((m) => m.id)).toEqual([file.id]);
    await deleteMedia(deps, editor, a.id, file.id);
    expect(await listMedia(deps, reporter, a.id)).toEqual([]);
  });

  it('of a file the article does not have is 404 before any question of rights', async () => {
    const a = await draft();
    await submit(a.id);
    await transitionArticle(deps, chief, a.id, 'approve', () => ({}), await storedEtag(deps.articles, a.id));
    for (const actor of [rival, nobody, reporter, chief]) {
      expect((await problemOf(deleteMedia(deps, actor, a.id, randomUUID()))).status).toBe(404);
    }
  });
});

describe('listing and limits', () => {
  it('lists files newest first with their caption and credit, and a download link only once verified', async () => {
    const a = await draft();
    const bytes = png(2, 2);
    const first = await attachMedia(deps, reporter, a.id, () => ({
      filename: 'first.png',
      contentType: 'image/png',
      size: bytes.length,
      caption: 'The border post',
      credit: 'Rita',
    }));
    await new Promise((r) => setTimeout(r, 5));
    const second = await attachMedia(deps, reporter, a.id, () => ({ filename: 'second.png', contentType: 'image/png', size: 9 }));
    expect(first.media).toMatchObject({ caption: 'The border post', credit: 'Rita', status: 'pending' });
    expect(second.media).toMatchObject({ caption: null, credit: null });

    const key = mediaKey(a.id, first.media.id);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, ContentType: 'image/png' }));
    expect(await verifyUpload(deps, key)).toBe('ready');
    const listed = await listMedia(deps, rival, a.id).catch((err) => err.statusCode);
    expect(listed).toBe(404);
    const files = await listMedia(deps, editor, a.id);
    expect(files.map((m) => [m.filename, m.status])).toEqual([
      ['second.png', 'pending'],
      ['first.png', 'ready'],
    ]);
    expect(files[0]!.downloadUrl).toBeNull();
    expect(files[1]!.downloadUrl).toEqual(expect.stringContaining(key));
  });

  it('takes at most 50 files on an article: the 51st is 409', async () => {
    const a = await draft();
    for (let i = 0; i < 50; i++)
      await attachMedia(deps, reporter, a.id, () => ({ filename: `f${i}.png`, contentType: 'image/png', size: 10 }));
    const refused = await problemOf(
      attachMedia(deps, reporter, a.id, () => ({ filename: 'one-more.png', contentType: 'image/png', size: 10 })),
    );
    expect(refused.status).toBe(409);
    expect((await listMedia(deps, reporter, a.id)).length).toBe(50);
  });
});

describe('history', () => {
  it('shows transitions only: a delivered MediaReady is not in it', async () => {
    const a = await draft();
    const file = await withFile(a.id, png(6, 5));
    expect(file.status).toBe('ready');
    await submit(a.id);
    const delivered: DomainEvent[] = [];
    const publisher: EventPublisher = { publish: async (events) => void delivered.push(...events) };
    await dispatchArticle(outbox, publisher, a.id);
    expect(delivered.map((e) => e.type)).toEqual(['ArticleCreated', 'MediaReady', 'ArticleSubmitted']);
    expect(await outbox.pendingEvents(a.id)).toEqual([]);

    const history = (await articleHistory({ ...deps, history: new DynamoArticleHistory(dynamo.db, dynamo.tableName) }, reporter, a.id))
      .items;
    expect(history.map((h) => h.type)).toEqual(['ArticleCreated', 'ArticleSubmitted']);
  });
});
