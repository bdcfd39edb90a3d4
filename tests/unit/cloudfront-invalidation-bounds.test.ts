import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CloudFrontInvalidator, invalidationPath } from '../../lambdas/adapters/cloudfront-invalidations.js';
import { startHttpStub, type StubRequest } from '../support/http-stub.js';

/** CloudFront's CreateInvalidation at the HTTP level (REST-XML, 2020-05-31), answering 201 with the documented Invalidation. */
let stub: Awaited<ReturnType<typeof startHttpStub>>;

const pathsOf = (r: StubRequest) => [...r.body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1]!);
const referenceOf = (r: StubRequest) => /<CallerReference>([^<]*)<\/CallerReference>/.exec(r.body)?.[1];

beforeAll(async () => {
  stub = await startHttpStub((req) => ({
    status: 201,
    headers: {
      'content-type': 'text/xml',
      location: 'https://cloudfront.amazonaws.com/2020-05-31/distribution/EDFDVBD6EXAMPLE/invalidation/I2J0I21PCUYOIK',
    },
    body:
      `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status>` +
      `<CreateTime>2026-11-25T19:00:00.000Z</CreateTime><InvalidationBatch><Paths><Quantity>${pathsOf(req).length}</Quantity></Paths>` +
      `<CallerReference>${referenceOf(req)}</CallerReference></InvalidationBatch></Invalidation>`,
  }));
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
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

const pages = (count: number) => Array.from({ length: count }, (_, i) => `/articles/story-${String(i).padStart(4, '0')}/index.html`);

describe('invalidation requests at their limits', () => {
  it('sends exactly 1,000 paths as one request under the caller’s own reference', async () => {
    await cdn().invalidate(pages(1000), 'a1:7');
    expect(stub.requests.map((r) => [referenceOf(r), pathsOf(r).length])).toEqual([['a1:7', 1000]]);
  });

  it('sends exactly 3,000 paths one by one, in three requests, never as the wildcard', async () => {
    await cdn().invalidate(pages(3000), 'repair');
    expect(stub.requests.map((r) => [referenceOf(r), pathsOf(r).length])).toEqual([
      ['repair#1', 1000],
      ['repair#2', 1000],
      ['repair#3', 1000],
    ]);
    expect(stub.requests.flatMap(pathsOf)).not.toContain('/*');
  });
});

describe('invalidation paths', () => {
  it('encode a control character as two hex digits', () => {
    expect(invalidationPath('/a\tb\u0001c')).toBe('/a%09b%01c');
  });
});
