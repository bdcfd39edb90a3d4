import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CloudFrontInvalidator, invalidationPath } from '../../lambdas/adapters/cloudfront-invalidations.js';
import { startHttpStub, type StubAnswer, type StubRequest } from '../support/http-stub.js';

/**
 * CloudFront's CreateInvalidation at the HTTP level (REST-XML, API version 2020-05-31), answering
 * 201 with the documented Invalidation, or 400 TooManyInvalidationsInProgress when told to.
 */
let stub: Awaited<ReturnType<typeof startHttpStub>>;
let requests: StubRequest[];
let busy = false;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const pathsOf = (r: StubRequest) => [...r.body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => unescape(m[1]!));
const quantityOf = (r: StubRequest) => Number(/<Quantity>(\d+)<\/Quantity>/.exec(r.body)?.[1]);
const referenceOf = (r: StubRequest) => unescape(/<CallerReference>([^<]*)<\/CallerReference>/.exec(r.body)?.[1] ?? '');

beforeAll(async () => {
  stub = await startHttpStub((req): StubAnswer => {
    if (busy) {
      return {
        status: 400,
        headers: { 'content-type': 'text/xml' },
        body: '<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>TooManyInvalidationsInProgress</Code><Message>Processing your request will cause you to exceed the maximum number of in-progress invalidations.</Message></Error><RequestId>4e2d7a3c-0000-0000-0000-000000000000</RequestId></ErrorResponse>',
      };
    }
    const items = pathsOf(req)
      .map((p) => `<Path>${p.replace(/&/g, '&amp;')}</Path>`)
      .join('');
    return {
      status: 201,
      headers: {
        'content-type': 'text/xml',
        location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation/I2J0I21PCUYOIK`,
      },
      body: `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-11-25T19:00:00.000Z</CreateTime><InvalidationBatch><Paths><Quantity>${quantityOf(req)}</Quantity><Items>${items}</Items></Paths><CallerReference>${referenceOf(req)}</CallerReference></InvalidationBatch></Invalidation>`,
    };
  });
  requests = stub.requests;
});
afterAll(() => stub.stop());
beforeEach(() => {
  requests.length = 0;
  busy = false;
});

const cdn = () =>
  new CloudFrontInvalidator(
    new CloudFrontClient({
      region: 'us-east-1',
      endpoint: stub.endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    }),
    'EDFDVBD6EXAMPLE',
  );

describe('CloudFront invalidations', () => {
  it("invalidate exactly the paths a change touched, once each, on this distribution, named by the caller's reference", async () => {
    const page = ['/articles/tajikistan-border/', '/articles/tajikistan-border/index.html', '/articles/tajikistan-border.json'];
    await cdn().invalidate([...page, '/', '/index.html', '/feed.xml', '/feed.json', '/feed.xml'], 'a1:7');
    expect(requests).toHaveLength(1);
    const [r] = requests;
    expect(r!.method).toBe('POST');
    expect(r!.url).toBe('/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation');
    expect(referenceOf(r!)).toBe('a1:7');
    expect(quantityOf(r!)).toBe(7);
    expect(pathsOf(r!).sort()).toEqual([...page, '/', '/index.html', '/feed.xml', '/feed.json'].sort());
  });

  it('URL-encode non-ASCII and unsafe characters in a path, and nothing else', () => {
    expect(invalidationPath('/articles/übergabe-in-kőszeg/')).toBe('/articles/%C3%BCbergabe-in-k%C5%91szeg/');
    expect(invalidationPath('/media/a b/{x}~1.png')).toBe('/media/a%20b/%7Bx%7D%7E1.png');
    expect(invalidationPath('/articles/a-b_c.d/index.html')).toBe('/articles/a-b_c.d/index.html');
    // A * is a wildcard only at the end.
    expect(invalidationPath('/media/a1/*')).toBe('/media/a1/*');
    expect(invalidationPath('/media/*/x')).toBe('/media/%2A/x');
    expect(() => invalidationPath('articles/a/')).toThrow(/starts with "\/"/);
  });

  it('send a large change in requests of at most 1,000 paths, each with its own reference, the same ones again on a retry', async () => {
    const paths = Array.from({ length: 2500 }, (_, i) => `/media/a${i}.png`);
    await cdn().invalidate(paths, 'repair-2026-11-25T19:15');
    const first = requests.map((r) => ({ reference: referenceOf(r), paths: pathsOf(r) }));
    expect(first.map((b) => b.paths.length)).toEqual([1000, 1000, 500]);
    expect(first.map((b) => b.reference)).toEqual(['repair-2026-11-25T19:15#1', 'repair-2026-11-25T19:15#2', 'repair-2026-11-25T19:15#3']);
    expect(new Set(first.flatMap((b) => b.paths))).toEqual(new Set(paths));

    // CloudFront returns the first invalidation for a reference it has seen with the same paths:
    // the retry (given its paths in another order) must send exactly the same batches.
    requests.length = 0;
    await cdn().invalidate([...paths].reverse(), 'repair-2026-11-25T19:15');
    expect(requests.map((r) => ({ reference: referenceOf(r), paths: pathsOf(r) }))).toEqual(first);
  });

  it('invalidate everything with one wildcard path when a change is more than could ever be in progress at once', async () => {
    await cdn().invalidate(
      Array.from({ length: 3001 }, (_, i) => `/articles/a${i}/`),
      'burst',
    );
    expect(requests.map((r) => [referenceOf(r), pathsOf(r)])).toEqual([['burst', ['/*']]]);
  });

  it('send nothing when nothing changed', async () => {
    await cdn().invalidate([], 'nothing');
    expect(requests).toEqual([]);
  });

  it('fail, to be retried later, while CloudFront has too many invalidations in progress', async () => {
    busy = true;
    await expect(cdn().invalidate(['/index.html'], 'front:1')).rejects.toMatchObject({ name: 'TooManyInvalidationsInProgress' });
  });
});
