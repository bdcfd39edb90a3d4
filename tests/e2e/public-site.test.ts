import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call, eventually, LocalNewsroom, newDataDir } from '../support/local-newsroom.js';
import { png, uploadWithForm } from '../support/media-files.js';

/**
 * The public site as a reader meets it, over HTTP: the article's page, its JSON, the front page,
 * the feeds and its images, after each step of an article's life after approval.
 */
let newsroom: LocalNewsroom;
let api: string;
let site: string;
let reporter: string;
let editor: string;
let chief: string;

beforeAll(async () => {
  newsroom = await new LocalNewsroom(newDataDir()).start();
  api = `${newsroom.url}/articles`;
  site = `${newsroom.url}/site`;
  [reporter, editor, chief] = await Promise.all([
    newsroom.token('rita', 'reporters', 'Rita Reporter'),
    newsroom.token('eddie', 'editors', 'Eddie Editor'),
    newsroom.token('carla', 'chief-editors', 'Carla Chief'),
  ]);
});
afterAll(() => newsroom.stop());

const bound = (version: number) => ({ 'if-match': `"${version}"` });
const read = (path: string, headers: Record<string, string> = {}) => fetch(`${site}${path}`, { headers });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
// While polling, a file may be read in the middle of its rewrite: s3rver, unlike S3, does not
// replace an object atomically. Such a read is "not yet", never an answer.
const readJson = async (path: string): Promise<any> => (await read(path)).json().catch(() => undefined);
const text = async (path: string) => {
  const res = await read(path);
  return { status: res.status, body: await res.text(), headers: res.headers };
};

async function filed(headline: string, body = 'Troops moved to the border on Monday.\n\n## What comes next\n\nTalks *resume* on Friday.') {
  const created = await call(api, { token: reporter, body: { headline, standfirst: 'The short of it.', body, tags: ['border'] } });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function approve(id: string) {
  const submitted = await call(`${api}/${id}`, { token: chief });
  const approved = await call(`${api}/${id}/approve`, { token: chief, body: {}, headers: bound(submitted.body.version) });
  expect(approved.status).toBe(200);
  return approved.body;
}

async function attachImage(id: string) {
  const file = png(8, 6);
  const declared = await call(`${api}/${id}/media`, {
    token: reporter,
    body: { filename: 'border.png', contentType: 'image/png', size: file.length, caption: 'The crossing at dawn', credit: 'Rita Reporter' },
  });
  expect(declared.status).toBe(201);
  expect(await uploadWithForm(declared.body.upload, file, 'image/png')).toBe(204);
  await eventually(async () =>
    (await call(`${api}/${id}/media`, { token: reporter })).body.items.every((m: { status: string }) => m.status === 'ready'),
  );
}

/** Waits until the site shows what `probe` looks for: rendering follows the write, never blocks it. */
const shows = <T>(probe: () => Promise<T | undefined | false>): Promise<T> => eventually(probe as () => Promise<T | undefined>, 10_000, 25);

describe('the public site, through an article’s life', () => {
  it('publish, correct, unpublish, republish and kill: each step is what a reader sees', async () => {
    const id = await filed('Übergabe in Kőszeg');
    await attachImage(id);
    await call(`${api}/${id}/submit`, { method: 'POST', token: reporter });
    expect((await text('/articles/ubergabe-in-koszeg/')).status).toBe(404);

    // Published: the article gets its slug and URL, and page, JSON, image, front page and feeds follow.
    const published = await approve(id);
    expect(published.slug).toBe('ubergabe-in-koszeg');
    expect(published.url).toBe(`${site}/articles/ubergabe-in-koszeg/`);
    const page = await shows(async () => {
      const r = await text('/articles/ubergabe-in-koszeg/');
      // A whole page: s3rver may serve a file in the middle of its rewrite (S3 replaces objects atomically).
      return r.status === 200 && r.body.includes('</html>') && r;
    });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toContain('<h1');
    expect(page.body).toContain('Übergabe in Kőszeg');
    expect(page.body).toMatch(/<h2[^>]*>What comes next<\/h2>/);
    expect(page.body).toContain('<em>resume</em>');
    expect(page.body).toContain('Rita Reporter');
    expect(page.body).toContain('The crossing at dawn');
    expect(page.body).toContain(`<link rel="canonical" href="${site}/articles/ubergabe-in-koszeg/"`);

    const json = await shows(async () => readJson('/articles/ubergabe-in-koszeg.json'));
    expect(Object.keys(json).sort()).toEqual(
      [
        'author',
        'body',
        'bodyHtml',
        'corrections',
        'headline',
        'media',
        'publishedAt',
        'slug',
        'standfirst',
        'tags',
        'updatedAt',
        'url',
      ].sort(),
    );
    expect(json).toMatchObject({ slug: 'ubergabe-in-koszeg', url: published.url, headline: 'Übergabe in Kőszeg', tags: ['border'] });
    expect(json.author).toEqual({ name: 'Rita Reporter', bio: '', function: '' });
    expect(json.media).toHaveLength(1);
    expect(json.media[0]).toMatchObject({ contentType: 'image/png', width: 8, height: 6, caption: 'The crossing at dawn' });
    const imageUrl: string = json.media[0].url;
    expect(imageUrl.startsWith(`${site}/media/`)).toBe(true);
    const image = await fetch(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png(8, 6));

    const front = await shows(async () => {
      const r = await text('/');
      return r.body.includes('/articles/ubergabe-in-koszeg/') && r;
    });
    expect(front.status).toBe(200);
    const atom = await text('/feed.xml');
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(atom.body).toContain(`${site}/articles/ubergabe-in-koszeg/`);
    const feed = await read('/feed.json');
    expect(feed.headers.get('content-type')).toMatch(/^application\/feed\+json/);
    const jsonFeed = (await feed.json()) as { items: { url: string }[] };
    expect(jsonFeed.items.map((i: { url: string }) => i.url)).toContain(`${site}/articles/ubergabe-in-koszeg/`);

    // Corrected: the page and JSON show the note; the feed entry's updated time moves.
    const fresh = await call(`${api}/${id}`, { token: editor });
    const corrected = await call(`${api}/${id}/correct`, {
      token: editor,
      body: { body: 'Troops moved to the border on Tuesday.', note: 'An earlier version gave the wrong day.' },
      headers: bound(fresh.body.version),
    });
    expect(corrected.status).toBe(200);
    const correctedJson = await shows(async () => {
      const j = await readJson('/articles/ubergabe-in-koszeg.json');
      return j?.corrections?.length === 1 && j;
    });
    expect(correctedJson.corrections[0]).toMatchObject({ kind: 'correction', note: 'An earlier version gave the wrong day.' });
    expect(correctedJson.updatedAt).toBe(correctedJson.corrections[0].at);
    expect((await text('/articles/ubergabe-in-koszeg/')).body).toContain('An earlier version gave the wrong day.');
    await shows(async () => {
      const items = (await readJson('/feed.json'))?.items as { url: string; date_modified?: string }[] | undefined;
      return items?.find((i) => i.url.endsWith('/ubergabe-in-koszeg/'))?.date_modified === correctedJson.updatedAt;
    });

    // Unpublished: 404 for page and JSON, gone from the front page and feeds, its image removed.
    const current = await call(`${api}/${id}`, { token: chief });
    expect((await call(`${api}/${id}/unpublish`, { token: chief, body: { reason: 'Legal review' } })).status).toBe(200);
    await shows(async () => (await read('/articles/ubergabe-in-koszeg/')).status === 404);
    expect((await read('/articles/ubergabe-in-koszeg.json')).status).toBe(404);
    await shows(async () => (await fetch(imageUrl)).status === 404);
    await shows(async () => !(await text('/')).body.includes('ubergabe-in-koszeg'));
    expect((await text('/feed.xml')).body).not.toContain('ubergabe-in-koszeg');
    expect((await text('/feed.json')).body).not.toContain('ubergabe-in-koszeg');
    expect(current.body.version).toBeGreaterThan(0);

    // Approved again: back at the same URL.
    const again = await approve(id);
    expect(again.slug).toBe('ubergabe-in-koszeg');
    await shows(async () => (await read('/articles/ubergabe-in-koszeg/')).status === 200);
    await shows(async () => (await fetch(imageUrl)).status === 200);

    // Killed: 410 with no content, nothing left in the front page, feeds or images.
    expect((await call(`${api}/${id}/kill`, { token: chief, body: { reason: 'Defamatory' } })).status).toBe(200);
    const gone = await shows(async () => {
      const r = await text('/articles/ubergabe-in-koszeg/');
      return r.status === 410 && r;
    });
    expect(gone.body).toBe('');
    const goneJson = await text('/articles/ubergabe-in-koszeg.json');
    expect([goneJson.status, goneJson.body]).toEqual([410, '']);
    await shows(async () => (await fetch(imageUrl)).status === 404);
    await shows(async () => !(await text('/')).body.includes('ubergabe-in-koszeg'));
    for (const path of ['/feed.xml', '/feed.json']) expect((await text(path)).body).not.toContain('ubergabe-in-koszeg');
  });

  it('gives a second article with the same headline its own address', async () => {
    const [a, b] = [await filed('Election night'), await filed('Election night')];
    for (const id of [a, b]) await call(`${api}/${id}/submit`, { method: 'POST', token: reporter });
    const slugs = [(await approve(a)).slug, (await approve(b)).slug];
    expect(slugs.sort()).toEqual(['election-night', 'election-night-2']);
    for (const slug of slugs) await shows(async () => (await read(`/articles/${slug}/`)).status === 200);
  });
});

describe('what every answer of the site carries', () => {
  let slug: string;
  beforeAll(async () => {
    const id = await filed('Headers and caching');
    await call(`${api}/${id}/submit`, { method: 'POST', token: reporter });
    slug = (await approve(id)).slug;
    await shows(async () => (await read(`/articles/${slug}/`)).status === 200);
  });

  it('sends a policy that runs no script, nosniff, a referrer policy and revalidating caching', async () => {
    const res = await read(`/articles/${slug}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('cache-control')).toMatch(/must-revalidate|no-cache|max-age=0/);
    for (const path of ['/', '/feed.xml', '/nowhere', `/articles/${slug}.json`]) {
      expect((await read(path)).headers.get('content-security-policy')).toBe(csp);
    }
  });

  it('answers 304 to If-None-Match and If-Modified-Since, and 200 when the page changed', async () => {
    const first = await read(`/articles/${slug}/`);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"/);
    expect((await read(`/articles/${slug}/`, { 'if-none-match': etag })).status).toBe(304);
    expect((await read(`/articles/${slug}/`, { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await read(`/articles/${slug}/`, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await read(`/articles/${slug}/`, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('redirects a page path without its slash, answers HEAD, refuses writes and never serves outside the site', async () => {
    const bare = await fetch(`${site}/articles/${slug}`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(`/site/articles/${slug}/`);
    const head = await fetch(`${site}/articles/${slug}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await fetch(`${site}/index.html`, { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await read('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    // A path no file can have (an escaped `..` survives URL parsing; a broken escape) is a plain 404.
    for (const path of ['/articles/%2E%2E%2Fsecret', '/articles/%E0%A4%A/', '/articles/..%2F..%2Fpackage.json']) {
      const res = await text(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).toContain('Not found');
    }
    const missing = await text('/articles/nothing-here/');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('See the latest articles');
  });
});

describe('NEWSROOM_SITE_URL', () => {
  it('is the base of every absolute link, while the newsroom still serves the site under /site/', async () => {
    const elsewhere = await new LocalNewsroom(newDataDir(), {
      NEWSROOM_SITE_URL: 'https://news.example.com/',
      NEWSROOM_LOG: 'quiet',
    }).start();
    try {
      const [rita, carla] = await Promise.all([
        elsewhere.token('rita', 'reporters', 'Rita Reporter'),
        elsewhere.token('carla', 'chief-editors'),
      ]);
      const created = await call(`${elsewhere.url}/articles`, {
        token: rita,
        body: { headline: 'Harbour reopens', body: 'Ships came in.' },
      });
      const submitted = await call(`${elsewhere.url}/articles/${created.body.id}/submit`, { method: 'POST', token: rita });
      const approved = await call(`${elsewhere.url}/articles/${created.body.id}/approve`, {
        token: carla,
        body: {},
        headers: bound(submitted.body.version),
      });
      expect(approved.body.url).toBe('https://news.example.com/articles/harbour-reopens/');
      const page = await eventually(async () => {
        const r = await fetch(`${elsewhere.url}/site/articles/harbour-reopens/`);
        const body = await r.text();
        return r.status === 200 && body.includes('</html>') && body;
      });
      expect(page).toContain('<link rel="canonical" href="https://news.example.com/articles/harbour-reopens/"');
      const feed = await eventually(async () => {
        const r = await fetch(`${elsewhere.url}/site/feed.xml`);
        const body = await r.text();
        return body.includes('harbour-reopens') && body;
      });
      expect(feed).toContain('https://news.example.com/articles/harbour-reopens/');
      expect(feed).not.toContain(elsewhere.url);
    } finally {
      await elsewhere.stop();
    }
  });
});
