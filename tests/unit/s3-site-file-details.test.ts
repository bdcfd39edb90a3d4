import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { S3SiteFiles, siteKey } from '../../lambdas/adapters/s3-site-files.js';
import { startHttpStub, type StubAnswer } from '../support/http-stub.js';
import { stubS3Client } from '../support/s3-stub-client.js';

/**
 * S3 at the HTTP level: PutObject answers 200 with an ETag; DeleteObjects answers 200 with an
 * <Error> entry for each key in `refuse`, as its API reference documents a partial refusal.
 */
let stub: Awaited<ReturnType<typeof startHttpStub>>;
let refuse = new Set<string>();

beforeAll(async () => {
  stub = await startHttpStub((req): StubAnswer => {
    if (req.method === 'POST' && req.url.includes('?delete')) {
      const errors = [...req.body.matchAll(/<Key>([^<]*)<\/Key>/g)]
        .map((m) => m[1]!)
        .filter((k) => refuse.has(k))
        .map((k) => `<Error><Key>${k}</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`)
        .join('');
      return {
        status: 200,
        headers: { 'content-type': 'application/xml' },
        body: `<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${errors}</DeleteResult>`,
      };
    }
    return { status: 200, headers: { etag: '"d41d8cd98f00b204e9800998ecf8427e"' } };
  });
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
  refuse = new Set();
});

const files = () => new S3SiteFiles(stubS3Client(stub.endpoint), 'newsroom-site', 'newsroom-media');

describe('site files', () => {
  it('a gone marker is stored as plain UTF-8 text', async () => {
    await files().gone('/articles/tajikistan-border/index.html');
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('a refused delete names every key S3 refused, separated by commas', async () => {
    refuse = new Set(['articles/a/index.html', 'articles/b/index.html']);
    await expect(files().remove(['/articles/a/index.html', '/articles/b/index.html', '/feed.xml'])).rejects.toThrow(
      'site bucket refused to delete articles/a/index.html (AccessDenied), articles/b/index.html (AccessDenied)',
    );
  });

  it('a one-character file name is a site path', () => {
    expect(siteKey('/a')).toBe('a');
    expect(() => siteKey('/')).toThrow('not a site file path');
  });
});
