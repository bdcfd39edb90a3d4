import { randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { S3SiteFiles } from '../../lambdas/adapters/s3-site-files.js';
import type { Actor } from '../../lambdas/domain/article.js';
import { verifiedMediaKey } from '../../lambdas/domain/media.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoSiteIndex } from '../../lambdas/store/site-index.js';
import { correctArticle, createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { siteRenderer } from '../../lambdas/usecases/render-site.js';
import type { SiteDeps, SiteFiles } from '../../lambdas/usecases/site-ports.js';
import { startDynamo } from '../support/dynamo.js';
import { startS3 } from '../support/s3.js';

const omar: Actor = { id: 'omar', name: 'Omar Olsen', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let deps: Deps;
let index: DynamoSiteIndex;
let s3Files: S3SiteFiles;
let invalidated: { paths: readonly string[]; reference: string }[];
let copies: string[];
let removals: string[][];
let site: SiteDeps;
let tick = Date.parse('2026-11-26T08:00:00.000Z');

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-site-decisions');
  storage = await startS3('site-decisions', 'media-decisions');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date((tick += 1000)), newId: randomUUID };
  index = new DynamoSiteIndex(dynamo.db, dynamo.tableName);
  s3Files = new S3SiteFiles(storage.s3, 'site-decisions', 'media-decisions');
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});
beforeEach(() => {
  invalidated = [];
  copies = [];
  removals = [];
  const files: SiteFiles = {
    put: (f) => s3Files.put(f),
    remove: async (paths) => {
      removals.push([...paths]);
      await s3Files.remove(paths);
    },
    gone: (p) => s3Files.gone(p),
    copyMedia: async (k, p, t) => {
      copies.push(p);
      await s3Files.copyMedia(k, p, t);
    },
  };
  site = {
    articles: deps.articles,
    // Omar has no profile: the site shows the name the article was written under.
    profiles: { get: async () => undefined },
    files,
    cdn: { invalidate: async (paths, reference) => void invalidated.push({ paths, reference }) },
    index,
    front: { request: async () => undefined },
    site: { baseUrl: 'https://news.example.com', title: 'Newsroom' },
    now: () => new Date('2026-11-26T12:00:00.000Z'),
  };
});

const exists = async (path: string) =>
  storage.s3.send(new HeadObjectCommand({ Bucket: 'site-decisions', Key: path.slice(1) })).then(
    () => true,
    () => false,
  );
const json = async (path: string) =>
  JSON.parse(
    await (await storage.s3.send(new GetObjectCommand({ Bucket: 'site-decisions', Key: path.slice(1) }))).Body!.transformToString(),
  );

async function published() {
  const a = await createArticle(deps, omar, () => ({ headline: `Harbour ${randomUUID().slice(0, 6)}`, body: 'Copy.' }));
  await transitionArticle(deps, omar, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({}), '"2"');
}

/** Puts a file on the article as the verifier leaves it. */
async function withMedia(articleId: string, mediaId: string, media: { status: string; contentType: string }) {
  const storedKey = verifiedMediaKey(articleId, mediaId, randomUUID());
  await storage.s3.send(
    new PutObjectCommand({ Bucket: 'media-decisions', Key: storedKey, Body: Buffer.from('bytes'), ContentType: media.contentType }),
  );
  await dynamo.db.send(
    new UpdateCommand({
      TableName: dynamo.tableName,
      Key: { PK: `ARTICLE#${articleId}`, SK: 'ARTICLE' },
      UpdateExpression: 'SET media.#m = :m',
      ExpressionAttributeNames: { '#m': mediaId },
      ExpressionAttributeValues: {
        ':m': {
          id: mediaId,
          filename: 'f',
          size: 5,
          caption: null,
          credit: null,
          reason: null,
          width: 4,
          height: 3,
          createdAt: '2026-11-26T08:00:00.000Z',
          verifiedAt: '2026-11-26T08:00:00.000Z',
          storedKey,
          ...media,
        },
      },
    }),
  );
}

describe('what a render message does', () => {
  it('for an article that does not exist: nothing, and says so', async () => {
    expect(await siteRenderer(site).article(randomUUID(), 1)).toBe(false);
    expect(invalidated).toEqual([]);
  });

  it('a second render of the same version does nothing and says so', async () => {
    const a = await published();
    const renderer = siteRenderer(site);
    expect(await renderer.article(a.id, a.version)).toBe(true);
    expect(invalidated).toEqual([
      { paths: [`/articles/${a.slug}/`, `/articles/${a.slug}/index.html`, `/articles/${a.slug}.json`], reference: `${a.id}:3` },
    ]);
    expect(await renderer.article(a.id, a.version)).toBe(false);
    expect(invalidated).toHaveLength(1);
  });

  it('for a draft: nothing, and says so', async () => {
    const a = await createArticle(deps, omar, () => ({ headline: 'Draft', body: 'Copy.' }));
    expect(await siteRenderer(site).article(a.id, a.version)).toBe(false);
    expect(await index.get(a.id)).toBeUndefined();
  });

  it('for an article unpublished or killed before the site ever showed it: nothing', async () => {
    for (const action of ['unpublish', 'kill'] as const) {
      const a = await published();
      const down = await transitionArticle(deps, chief, a.id, action, () => ({ reason: 'Legal' }), undefined);
      expect(await siteRenderer(site).article(a.id, down.version)).toBe(false);
      expect(await index.get(a.id)).toBeUndefined();
      expect(invalidated).toEqual([]);
    }
  });

  it('killing a live article straight away records it killed, deletes its images and tells the CDN about all of them', async () => {
    const a = await published();
    await withMedia(a.id, 'm1', { status: 'ready', contentType: 'image/png' });
    const renderer = siteRenderer(site);
    await renderer.article(a.id, a.version);
    const killed = await transitionArticle(deps, chief, a.id, 'kill', () => ({ reason: 'Defamatory' }), undefined);
    invalidated = [];
    expect(await renderer.article(a.id, killed.version)).toBe(true);
    expect(await index.get(a.id)).toMatchObject({ state: 'killed', renderedVersion: killed.version, mediaPaths: [] });
    expect(await exists(`/media/${a.id}/m1.png`)).toBe(false);
    expect(invalidated).toEqual([
      {
        paths: [`/articles/${a.slug}/`, `/articles/${a.slug}/index.html`, `/articles/${a.slug}.json`, `/media/${a.id}/m1.png`],
        reference: `${a.id}:${killed.version}`,
      },
    ]);
  });

  it('for a published article from before slugs (none stored): nothing, and says so', async () => {
    const a = await published();
    await dynamo.db.send(
      new UpdateCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${a.id}`, SK: 'ARTICLE' }, UpdateExpression: 'REMOVE slug' }),
    );
    expect(await siteRenderer(site).article(a.id, a.version)).toBe(false);
    expect(await index.get(a.id)).toBeUndefined();
    expect(invalidated).toEqual([]);
  });

  it('a queue message says which: the front page, or an article', async () => {
    const a = await published();
    const renderer = siteRenderer(site);
    await renderer.handle({ kind: 'article', articleId: a.id, version: a.version });
    expect((await index.get(a.id))?.renderedVersion).toBe(a.version);
    invalidated = [];
    await renderer.handle({ kind: 'front', requestedAt: '2026-11-26T12:00:00.000Z' });
    expect(invalidated).toEqual([{ paths: ['/', '/index.html', '/feed.xml', '/feed.json'], reference: 'front:2026-11-26T12:00:00.000Z' }]);
  });
});

describe('the page of an article', () => {
  it('shows the name it was written under when its author has no profile', async () => {
    const a = await published();
    await siteRenderer(site).article(a.id, a.version);
    expect((await json(`/articles/${a.slug}.json`)).author).toEqual({ name: 'Omar Olsen', bio: '', function: '' });
  });

  it('is dated by its latest correction', async () => {
    const a = await published();
    const one = await correctArticle(deps, chief, a.id, () => ({ body: 'Once.', note: 'One.' }), '"3"');
    const two = await correctArticle(deps, chief, a.id, () => ({ body: 'Twice.', note: 'Two.' }), '"4"');
    const three = await correctArticle(deps, chief, a.id, () => ({ body: 'Thrice.', note: 'Three.' }), '"5"');
    expect(new Set([one.corrections.at(-1)!.at, two.corrections.at(-1)!.at, three.corrections.at(-1)!.at]).size).toBe(3);
    await siteRenderer(site).article(a.id, three.version);
    expect((await index.get(a.id))?.entry.updatedAt).toBe(three.corrections[2]!.at);
  });

  it('shows verified images of a browser type only, copies each once, and deletes one that is no longer shown', async () => {
    const a = await published();
    await withMedia(a.id, 'shown', { status: 'ready', contentType: 'image/png' });
    await withMedia(a.id, 'waiting', { status: 'pending', contentType: 'image/png' });
    await withMedia(a.id, 'audio', { status: 'ready', contentType: 'audio/mpeg' });
    const renderer = siteRenderer(site);
    await renderer.article(a.id, a.version);
    expect(copies).toEqual([`/media/${a.id}/shown.png`]);
    expect((await index.get(a.id))?.mediaPaths).toEqual([`/media/${a.id}/shown.png`]);
    expect((await json(`/articles/${a.slug}.json`)).media).toHaveLength(1);
    expect(removals).toEqual([]);

    await withMedia(a.id, 'second', { status: 'ready', contentType: 'image/jpeg' });
    const corrected = await correctArticle(deps, chief, a.id, () => ({ body: 'With a second picture.', note: 'Picture.' }), '"3"');
    await renderer.article(a.id, corrected.version);
    expect(copies).toEqual([`/media/${a.id}/shown.png`, `/media/${a.id}/second.jpg`]);

    await dynamo.db.send(
      new UpdateCommand({
        TableName: dynamo.tableName,
        Key: { PK: `ARTICLE#${a.id}`, SK: 'ARTICLE' },
        UpdateExpression: 'REMOVE media.#m',
        ExpressionAttributeNames: { '#m': 'shown' },
      }),
    );
    const again = await correctArticle(deps, chief, a.id, () => ({ body: 'Without the first.', note: 'Dropped.' }), '"4"');
    invalidated = [];
    await renderer.article(a.id, again.version);
    expect(removals).toEqual([[`/media/${a.id}/shown.png`]]);
    expect(await exists(`/media/${a.id}/shown.png`)).toBe(false);
    expect(await exists(`/media/${a.id}/second.jpg`)).toBe(true);
    expect(invalidated[0]!.paths).toContain(`/media/${a.id}/shown.png`);
  });
});

describe('the repair pass', () => {
  it('renders what the site is behind on (a new version, an unpublishing it missed) and nothing else', async () => {
    const renderer = siteRenderer(site);
    // Everything so far is as the site holds it.
    await renderer.repair();
    expect(await renderer.repair()).toBe(0);

    const corrected = await published();
    await renderer.article(corrected.id, corrected.version);
    await correctArticle(deps, chief, corrected.id, () => ({ body: 'Fixed.', note: 'Fix.' }), '"3"');
    const unpublished = await published();
    await renderer.article(unpublished.id, unpublished.version);
    await transitionArticle(deps, chief, unpublished.id, 'unpublish', () => ({ reason: 'Legal' }), undefined);
    const missed = await published();

    expect(await renderer.repair()).toBe(3);
    expect((await index.get(corrected.id))?.renderedVersion).toBe(4);
    expect((await index.get(unpublished.id))?.state).toBe('unpublished');
    expect(await exists(`/articles/${unpublished.slug}.json`)).toBe(false);
    expect((await index.get(missed.id))?.state).toBe('live');
    expect(await renderer.repair()).toBe(0);
  });
});

describe('the front page', () => {
  it('a request made exactly the index lag before the last render began is served by it', async () => {
    const renderer = siteRenderer(site);
    await renderer.frontPage('2026-11-26T12:00:00.000Z');
    const renders = invalidated.length;
    await renderer.frontPage('2026-11-26T11:59:58.000Z');
    expect(invalidated.length).toBe(renders);
    await renderer.frontPage('2026-11-26T11:59:58.001Z');
    expect(invalidated.length).toBe(renders + 1);
  });
});
