import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { S3SiteFiles } from '../../lambdas/adapters/s3-site-files.js';
import type { Actor } from '../../lambdas/domain/article.js';
import { verifiedMediaKey } from '../../lambdas/domain/media.js';
import type { SiteFile } from '../../lambdas/site/model.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { keys } from '../../lambdas/store/keys.js';
import { DynamoSiteIndex } from '../../lambdas/store/site-index.js';
import { createArticle, transitionArticle, correctArticle, editArticle, readArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { FRONT_PAGE_SIZE } from '../../lambdas/site/index.js';
import { siteRenderer } from '../../lambdas/usecases/render-site.js';
import type { SiteDeps, SiteFiles } from '../../lambdas/usecases/site-ports.js';
import { startDynamo } from '../support/dynamo.js';
import { startS3 } from '../support/s3.js';

const reporter: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };
const SITE = { baseUrl: 'https://news.example.com', title: 'Newsroom' };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let storage: Awaited<ReturnType<typeof startS3>>;
let deps: Deps;
let index: DynamoSiteIndex;
let files: SiteFiles;
let invalidated: { paths: readonly string[]; reference: string }[];
let frontRequests: string[];
let site: SiteDeps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-site');
  storage = await startS3('site', 'media');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  index = new DynamoSiteIndex(dynamo.db, dynamo.tableName);
  files = new S3SiteFiles(storage.s3, 'site', 'media');
});
afterAll(async () => {
  await storage.stop();
  await dynamo.stop();
});
beforeEach(() => {
  invalidated = [];
  frontRequests = [];
  site = {
    articles: deps.articles,
    profiles: {
      get: async (id) => (id === 'rita' ? { name: 'Rita Reporter', bio: 'Covers Central Asia.', function: 'Correspondent' } : undefined),
    },
    files,
    cdn: { invalidate: async (paths, reference) => void invalidated.push({ paths, reference }) },
    index,
    front: { request: async (at) => void frontRequests.push(at) },
    site: SITE,
    now: () => new Date(),
  };
});

const object = async (path: string) => {
  try {
    const o = await storage.s3.send(new GetObjectCommand({ Bucket: 'site', Key: path.slice(1) }));
    return { body: await o.Body!.transformToString(), metadata: o.Metadata ?? {} };
  } catch {
    return undefined;
  }
};
const exists = async (path: string) =>
  storage.s3.send(new HeadObjectCommand({ Bucket: 'site', Key: path.slice(1) })).then(
    () => true,
    () => false,
  );

async function publishedArticle(headline = `Border ${randomUUID().slice(0, 6)}`) {
  const a = await createArticle(deps, reporter, () => ({ headline, standfirst: 'Short.', body: 'Troops moved on Monday.' }));
  await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({}), '"2"');
}

describe('rendering an article', () => {
  it('writes its page and JSON with the author’s profile, records the render and asks for the front page', async () => {
    const a = await publishedArticle();
    await siteRenderer(site).article(a.id, a.version);
    const page = await object(`/articles/${a.slug}/index.html`);
    expect(page?.body).toContain('Covers Central Asia.');
    expect(JSON.parse((await object(`/articles/${a.slug}.json`))!.body)).toMatchObject({
      slug: a.slug,
      author: { function: 'Correspondent' },
    });
    expect(await index.get(a.id)).toMatchObject({ renderedVersion: a.version, state: 'live', slug: a.slug });
    expect(invalidated[0]!.paths).toEqual([`/articles/${a.slug}/`, `/articles/${a.slug}/index.html`, `/articles/${a.slug}.json`]);
    expect(frontRequests).toHaveLength(1);
  });

  it('renders of one author’s articles at the same moment read the profile once; a later render reads it afresh', async () => {
    const [a, b] = [await publishedArticle(), await publishedArticle()];
    let reads = 0;
    let bio = 'Covers Central Asia.';
    site.profiles = {
      get: async () => {
        reads++;
        await new Promise((r) => setTimeout(r, 50));
        return { name: 'Rita Reporter', bio, function: 'Correspondent' };
      },
    };
    const renderer = siteRenderer(site);
    await Promise.all([renderer.article(a.id, a.version), renderer.article(b.id, b.version)]);
    expect(reads).toBe(1);
    expect((await object(`/articles/${b.slug}/index.html`))?.body).toContain('Covers Central Asia.');

    bio = 'Now covers the Caucasus.';
    const c = await publishedArticle();
    await renderer.article(c.id, c.version);
    expect(reads).toBe(2);
    expect((await object(`/articles/${c.slug}/index.html`))?.body).toContain('Now covers the Caucasus.');
  });

  it('is idempotent, and an older message arriving late leaves the newer render alone', async () => {
    const a = await publishedArticle();
    const renderer = siteRenderer(site);
    await renderer.article(a.id, a.version);
    const corrected = await correctArticle(
      deps,
      chief,
      a.id,
      () => ({ body: 'Troops moved on Tuesday.', note: 'Wrong day.' }),
      `"${a.version}"`,
    );
    await renderer.article(a.id, corrected.version);
    const after = await object(`/articles/${a.slug}.json`);
    expect(JSON.parse(after!.body).body).toBe('Troops moved on Tuesday.');
    invalidated = [];
    await renderer.article(a.id, a.version); // the first message, redelivered late
    await renderer.article(a.id, corrected.version); // and the second, twice
    expect(await object(`/articles/${a.slug}.json`)).toEqual(after);
    expect(invalidated).toEqual([]);
    expect((await index.get(a.id))?.renderedVersion).toBe(corrected.version);
  });

  it('a crash between its files and its record is repaired by the repair pass', async () => {
    const a = await publishedArticle();
    // The page is written, then the process dies before the JSON and the record.
    let writes = 0;
    const dying: SiteFiles = {
      ...files,
      put: async (f: SiteFile) => {
        if (++writes > 1) throw new Error('killed mid-render');
        await files.put(f);
      },
      remove: (p) => files.remove(p),
      gone: (p) => files.gone(p),
      copyMedia: (k, p, t) => files.copyMedia(k, p, t),
    };
    await expect(siteRenderer({ ...site, files: dying }).article(a.id, a.version)).rejects.toThrow('killed mid-render');
    expect(await index.get(a.id)).toBeUndefined();
    expect(await siteRenderer(site).repair()).toBeGreaterThanOrEqual(1);
    expect(await exists(`/articles/${a.slug}.json`)).toBe(true);
    expect((await index.get(a.id))?.renderedVersion).toBe(a.version);
    // Nothing left behind: a second pass has nothing to do for it.
    const again = await siteRenderer(site).repair();
    expect(again).toBe(0);
  });

  it('unpublishing removes the page and JSON; killing leaves markers answered 410; both ask for the front page', async () => {
    const a = await publishedArticle();
    const renderer = siteRenderer(site);
    await renderer.article(a.id, a.version);
    const down = await transitionArticle(deps, chief, a.id, 'unpublish', () => ({ reason: 'Legal' }), undefined);
    await renderer.article(a.id, down.version);
    expect(await exists(`/articles/${a.slug}/index.html`)).toBe(false);
    expect(await exists(`/articles/${a.slug}.json`)).toBe(false);
    expect((await index.get(a.id))?.state).toBe('unpublished');
    const killed = await transitionArticle(deps, chief, a.id, 'kill', () => ({ reason: 'Defamatory' }), undefined);
    await renderer.article(a.id, killed.version);
    for (const path of [`/articles/${a.slug}/index.html`, `/articles/${a.slug}.json`]) {
      const marker = await object(path);
      expect(marker?.body).toBe('');
      expect(marker?.metadata['newsroom-gone']).toBe('1');
    }
    expect(frontRequests).toHaveLength(3);
  });

  it('a kill whose render died before its markers is finished by the repair pass: nothing of it stays readable', async () => {
    const a = await publishedArticle();
    await siteRenderer(site).article(a.id, a.version);
    const killed = await transitionArticle(deps, chief, a.id, 'kill', () => ({ reason: 'Defamatory' }), undefined);
    const dying: SiteFiles = { ...files, gone: async () => Promise.reject(new Error('killed mid-render')) };
    await expect(siteRenderer({ ...site, files: dying }).article(a.id, killed.version)).rejects.toThrow('killed mid-render');
    expect(await object(`/articles/${a.slug}/index.html`)).toMatchObject({ metadata: {} });

    await siteRenderer(site).repair();
    for (const path of [`/articles/${a.slug}/index.html`, `/articles/${a.slug}.json`]) {
      expect(await object(path)).toEqual({ body: '', metadata: { 'newsroom-gone': '1' } });
    }
    expect((await index.get(a.id))?.state).toBe('killed');
  });

  it('an unpublished article edited since stays unpublished through the repair pass: 404, not 410', async () => {
    const a = await publishedArticle();
    const renderer = siteRenderer(site);
    await renderer.article(a.id, a.version);
    const down = await transitionArticle(deps, chief, a.id, 'unpublish', () => ({ reason: 'Legal' }), undefined);
    await renderer.article(a.id, down.version);
    await editArticle(deps, chief, a.id, () => ({ standfirst: 'Rewritten while off the site.' }), `"${down.version}"`);

    await siteRenderer(site).repair();
    expect(await exists(`/articles/${a.slug}/index.html`)).toBe(false);
    expect(await exists(`/articles/${a.slug}.json`)).toBe(false);
    expect((await index.get(a.id))?.state).toBe('unpublished');
  });

  it('leaves an article that was never published alone, killed or not', async () => {
    const a = await createArticle(deps, reporter, () => ({ headline: 'Never seen', body: 'Copy.' }));
    await siteRenderer(site).article(a.id, a.version);
    expect(await index.get(a.id)).toBeUndefined();
    expect(frontRequests).toEqual([]);
  });
});

describe('an article published before slugs existed', () => {
  /** Published as the newsroom did before slugs: no slug on the article, none claimed. */
  async function publishedWithoutSlug(headline: string) {
    const a = await publishedArticle(headline);
    await dynamo.db.send(new UpdateCommand({ TableName: dynamo.tableName, Key: keys.article(a.id), UpdateExpression: 'REMOVE slug' }));
    await dynamo.db.send(new DeleteCommand({ TableName: dynamo.tableName, Key: keys.slug(a.slug!) }));
    return readArticle(deps, chief, a.id);
  }

  it('has no page, and gets its slug and page with its next correction, from the corrected headline', async () => {
    const tag = randomUUID().slice(0, 6);
    const old = await publishedWithoutSlug(`Harbour ${tag}`);
    expect(old.slug).toBeNull();
    const renderer = siteRenderer(site);
    expect(await renderer.article(old.id, old.version)).toBe(false);

    const corrected = await correctArticle(
      deps,
      chief,
      old.id,
      () => ({ headline: `Harbour ${tag} reopens`, note: 'The harbour reopened on Monday.' }),
      `"${old.version}"`,
    );
    expect(corrected.slug).toBe(`harbour-${tag}-reopens`);
    expect((await readArticle(deps, reporter, old.id)).slug).toBe(corrected.slug);
    expect(await renderer.article(old.id, corrected.version)).toBe(true);
    const page = await object(`/articles/${corrected.slug}/index.html`);
    expect(page?.body).toContain(`Harbour ${tag} reopens`);
    expect(page?.body).toContain('The harbour reopened on Monday.');

    // Given once, it never changes: the next correction of the headline keeps it.
    const again = await correctArticle(
      deps,
      chief,
      old.id,
      () => ({ headline: `Harbour ${tag} open again`, note: 'Headline.' }),
      `"${corrected.version}"`,
    );
    expect(again.slug).toBe(corrected.slug);
  });

  it('gets the next free slug when its headline’s is taken by an article published since', async () => {
    const headline = `Quay ${randomUUID().slice(0, 6)}`;
    const old = await publishedWithoutSlug(headline);
    const since = await publishedArticle(headline);
    const corrected = await correctArticle(deps, chief, old.id, () => ({ body: 'Copy, corrected.', note: 'Fixed.' }), `"${old.version}"`);
    expect(since.slug).toBe(headline.toLowerCase().replace(' ', '-'));
    expect(corrected.slug).toBe(`${since.slug}-2`);
  });
});

describe('the front page and feeds', () => {
  it('list the 50 latest live articles, newest first, from one query however many there are', async () => {
    const renderer = siteRenderer(site);
    for (let i = 0; i < FRONT_PAGE_SIZE + 5; i++) {
      const a = await publishedArticle(`Front ${i}`);
      await renderer.article(a.id, a.version);
    }
    await renderer.frontPage(new Date().toISOString());
    const feed = JSON.parse((await object('/feed.json'))!.body) as { items: { title: string }[] };
    expect(feed.items).toHaveLength(FRONT_PAGE_SIZE);
    expect(feed.items[0]!.title).toBe(`Front ${FRONT_PAGE_SIZE + 4}`);
    expect((await object('/index.html'))!.body).toContain(`Front ${FRONT_PAGE_SIZE + 4}`);
    expect(await exists('/feed.xml')).toBe(true);
    expect(await exists('/style.css')).toBe(true);
    // CloudFront answers a missing path with this page, and S3's 403 when it is missing itself.
    expect((await object('/404.html'))!.body).toContain('Not found');
    expect(invalidated.at(-1)!.paths).toEqual(['/', '/index.html', '/feed.xml', '/feed.json']);
  });

  it('writes the stylesheet and not-found page with its first render only, and again after a repair pass or in a new renderer', async () => {
    const written: string[] = [];
    const counted: SiteFiles = {
      put: (f) => (written.push(f.path), files.put(f)),
      remove: (paths) => files.remove(paths),
      gone: (path) => files.gone(path),
      copyMedia: (key, path, type) => files.copyMedia(key, path, type),
    };
    const renderer = siteRenderer({ ...site, files: counted });
    await renderer.frontPage(new Date().toISOString());
    await renderer.frontPage(new Date(Date.now() + 10_000).toISOString());
    expect(written.filter((p) => p === '/style.css' || p === '/404.html')).toEqual(['/style.css', '/404.html']);
    expect(written.filter((p) => p === '/index.html')).toHaveLength(2);

    await renderer.repair();
    await renderer.frontPage(new Date(Date.now() + 20_000).toISOString());
    expect(written.filter((p) => p === '/style.css')).toHaveLength(2);

    await siteRenderer({ ...site, files: counted }).frontPage(new Date(Date.now() + 30_000).toISOString());
    expect(written.filter((p) => p === '/style.css')).toHaveLength(3);
  });

  it('a request made well before a render began is already served by it: a burst costs one render', async () => {
    const renderer = siteRenderer(site);
    const early = new Date(Date.now() - 10_000).toISOString();
    await renderer.frontPage(new Date().toISOString());
    const renders = invalidated.length;
    await renderer.frontPage(early);
    await renderer.frontPage(early);
    expect(invalidated.length).toBe(renders);
    // A request made after the render began gets a render of its own.
    await renderer.frontPage(new Date(Date.now() + 1).toISOString());
    expect(invalidated.length).toBe(renders + 1);
  });
});

it('copies ready images once, and deletes them when the article goes', async () => {
  const a = await publishedArticle();
  const storedKey = verifiedMediaKey(a.id, 'm1', randomUUID());
  await storage.s3.send(
    new PutObjectCommand({ Bucket: 'media', Key: storedKey, Body: Buffer.from('png bytes'), ContentType: 'image/png' }),
  );
  await dynamo.db.send(
    new (await import('@aws-sdk/lib-dynamodb')).UpdateCommand({
      TableName: dynamo.tableName,
      Key: { PK: `ARTICLE#${a.id}`, SK: 'ARTICLE' },
      UpdateExpression: 'SET media.#m = :m',
      ExpressionAttributeNames: { '#m': 'm1' },
      ExpressionAttributeValues: {
        ':m': {
          id: 'm1',
          filename: 'photo.png',
          contentType: 'image/png',
          size: 9,
          caption: 'Dawn',
          credit: null,
          status: 'ready',
          reason: null,
          width: 4,
          height: 3,
          createdAt: a.createdAt,
          verifiedAt: a.createdAt,
          storedKey,
        },
      },
    }),
  );
  const renderer = siteRenderer(site);
  await renderer.article(a.id, a.version);
  expect((await object(`/media/${a.id}/m1.png`))?.body).toBe('png bytes');
  const down = await transitionArticle(deps, chief, a.id, 'unpublish', () => ({ reason: 'Legal' }), undefined);
  await renderer.article(a.id, down.version);
  expect(await exists(`/media/${a.id}/m1.png`)).toBe(false);
});
