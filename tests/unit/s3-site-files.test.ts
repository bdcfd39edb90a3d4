import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { copySource, S3SiteFiles, siteKey } from '../../lambdas/adapters/s3-site-files.js';
import { startHttpStub, type StubRequest } from '../support/http-stub.js';
import { stubS3Client } from '../support/s3-stub-client.js';

/**
 * S3 at the HTTP level, answering as its API reference documents PutObject, CopyObject and
 * DeleteObjects, so the real SDK serialises what the adapter asks for and these tests read it.
 */
let stub: Awaited<ReturnType<typeof startHttpStub>>;
let requests: StubRequest[];
/** Keys DeleteObjects reports as refused in its answer (S3 answers 200 with <Error> entries). */
let refuse = new Set<string>();

const deletedKeys = (body: string) => [...body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]!);

beforeAll(async () => {
  stub = await startHttpStub((req) => {
    const xml = { 'content-type': 'application/xml' };
    if (req.method === 'POST' && req.url.includes('?delete')) {
      const errors = deletedKeys(req.body)
        .filter((k) => refuse.has(k))
        .map((k) => `<Error><Key>${k}</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`)
        .join('');
      return {
        status: 200,
        headers: xml,
        body: `<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${errors}</DeleteResult>`,
      };
    }
    if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
      return {
        status: 200,
        headers: xml,
        body: '<?xml version="1.0" encoding="UTF-8"?><CopyObjectResult><LastModified>2026-11-25T19:00:00.000Z</LastModified><ETag>"9b2cf535f27731c974343645a3985328"</ETag></CopyObjectResult>',
      };
    }
    return { status: 200, headers: { etag: '"9b2cf535f27731c974343645a3985328"' } };
  });
  requests = stub.requests;
});
afterAll(() => stub.stop());
beforeEach(() => {
  requests.length = 0;
  refuse = new Set();
});

const files = () => new S3SiteFiles(stubS3Client(stub.endpoint), 'newsroom-site', 'newsroom-media');

describe('the site files in S3', () => {
  it('put a page under its path without the leading slash, with its type and caching', async () => {
    await files().put({
      path: '/articles/tajikistan-border/index.html',
      body: '<!doctype html><title>Tajikistan</title>',
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=0, must-revalidate, s-maxage=31536000',
    });
    expect(requests).toHaveLength(1);
    const [put] = requests;
    expect(put!.method).toBe('PUT');
    expect(put!.url.split('?')[0]).toBe('/newsroom-site/articles/tajikistan-border/index.html');
    expect(put!.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(put!.headers['cache-control']).toBe('public, max-age=0, must-revalidate, s-maxage=31536000');
    expect(put!.body).toBe('<!doctype html><title>Tajikistan</title>');
  });

  it('mark a killed page as gone: an empty object carrying x-amz-meta-newsroom-gone: 1, cached as pages are', async () => {
    await files().gone('/articles/tajikistan-border.json');
    const [put] = requests;
    expect(put!.method).toBe('PUT');
    expect(put!.url.split('?')[0]).toBe('/newsroom-site/articles/tajikistan-border.json');
    expect(put!.headers['x-amz-meta-newsroom-gone']).toBe('1');
    expect(put!.headers['content-length']).toBe('0');
    expect(put!.body).toBe('');
    expect(put!.headers['cache-control']).toMatch(/s-maxage=\d+/);
  });

  it('copy a verified image from the media bucket server-side, replacing its metadata with the verified type and a year of caching', async () => {
    await files().copyMedia('media/a1/m 1/verified-ü', '/media/a1/m1.png', 'image/png');
    const [copy] = requests;
    expect(copy!.method).toBe('PUT');
    expect(copy!.url.split('?')[0]).toBe('/newsroom-site/media/a1/m1.png');
    // x-amz-copy-source is `<bucket>/<key>`, URL-encoded, slashes kept.
    expect(copy!.headers['x-amz-copy-source']).toBe('newsroom-media/media/a1/m%201/verified-%C3%BC');
    expect(copy!.headers['x-amz-metadata-directive']).toBe('REPLACE');
    expect(copy!.headers['content-type']).toBe('image/png');
    expect(copy!.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('refuse to copy anything but a verified copy of an upload', async () => {
    await expect(files().copyMedia('media/a1/m1', '/media/a1/m1.png', 'image/png')).rejects.toThrow(/not a verified media key/);
    await expect(files().copyMedia('drafts/a1/m1/verified-x', '/media/a1/m1.png', 'image/png')).rejects.toThrow(/not a verified media key/);
    expect(requests).toEqual([]);
  });

  it('delete in requests of at most 1,000 keys, each key once, quietly', async () => {
    const paths = Array.from({ length: 1203 }, (_, i) => `/media/a1/${i}.png`);
    await files().remove([...paths, paths[0]!]);
    expect(requests.map((r) => [r.method, r.url.split('?')[0]])).toEqual([
      ['POST', '/newsroom-site/'],
      ['POST', '/newsroom-site/'],
    ]);
    expect(requests.map((r) => deletedKeys(r.body).length)).toEqual([1000, 203]);
    expect(requests.flatMap((r) => deletedKeys(r.body))).toEqual(paths.map((p) => p.slice(1)));
    for (const r of requests) expect(r.body).toContain('<Quiet>true</Quiet>');
  });

  it('send nothing to delete nothing', async () => {
    await files().remove([]);
    expect(requests).toEqual([]);
  });

  it('fail when S3 refuses to delete a key, naming it', async () => {
    refuse = new Set(['articles/a/index.html']);
    await expect(files().remove(['/articles/a/index.html', '/articles/a.json'])).rejects.toThrow(
      'site bucket refused to delete articles/a/index.html (AccessDenied)',
    );
  });

  it('map only file paths to keys', () => {
    expect(siteKey('/index.html')).toBe('index.html');
    expect(siteKey('/feed.xml')).toBe('feed.xml');
    for (const bad of ['index.html', '/', '/articles/a/', '/articles//a.json', ''])
      expect(() => siteKey(bad)).toThrow(/not a site file path/);
    expect(copySource('b', 'media/a/b c/verified-1')).toBe('b/media/a/b%20c/verified-1');
  });
});
