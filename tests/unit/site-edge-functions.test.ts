import { readFileSync, statSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { SITE_EDGE_FUNCTIONS } from '../../lib/site.js';

/**
 * The public site's CloudFront Functions, run as CloudFront runs them: a plain script defining
 * `handler(event)`, with no modules, network or file system, given event objects shaped as the
 * Developer Guide's "CloudFront Functions event structure" documents them (lower-case header
 * names, `{ value }` per header).
 */
function load(file: string): (event: unknown) => any {
  const sandbox = createContext({});
  runInContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  const handler = (sandbox as { handler?: unknown }).handler;
  expect(typeof handler).toBe('function');
  // Through JSON, as CloudFront hands the event in and reads the result back.
  return (event) => JSON.parse(JSON.stringify((handler as (e: unknown) => unknown)(JSON.parse(JSON.stringify(event)))));
}

const context = (eventType: string) => ({
  distributionDomainName: 'd111111abcdef8.cloudfront.net',
  distributionId: 'EDFDVBD6EXAMPLE',
  eventType,
  requestId: 'EXAMPLEntjQpEXAMPLE_SG5Z-EXAMPLEPmPfEXAMPLEu3EqEXAMPLE==',
});
const request = (uri: string) => ({
  method: 'GET',
  uri,
  querystring: {},
  headers: { host: { value: 'd111111abcdef8.cloudfront.net' }, accept: { value: 'text/html' } },
  cookies: {},
});
const viewerRequest = (uri: string) => ({
  version: '1.0',
  context: context('viewer-request'),
  viewer: { ip: '198.51.100.11' },
  request: request(uri),
});
const viewerResponse = (headers: Record<string, string>, statusCode = 200) => ({
  version: '1.0',
  context: context('viewer-response'),
  viewer: { ip: '198.51.100.11' },
  request: request('/articles/tajikistan-border/index.html'),
  response: {
    statusCode,
    statusDescription: 'OK',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { value: v }])),
    cookies: {},
  },
});

const onRequest = load(SITE_EDGE_FUNCTIONS.viewerRequest);
const onResponse = load(SITE_EDGE_FUNCTIONS.viewerResponse);

describe('the viewer-request function', () => {
  it("serves an article's directory URL from the index.html inside it", () => {
    expect(onRequest(viewerRequest('/articles/tajikistan-border/')).uri).toBe('/articles/tajikistan-border/index.html');
    expect(onRequest(viewerRequest('/')).uri).toBe('/index.html');
  });

  it('redirects an article URL without its trailing slash to the one with it, permanently', () => {
    const answer = onRequest(viewerRequest('/articles/tajikistan-border'));
    expect(answer.statusCode).toBe(301);
    expect(answer.headers.location).toEqual({ value: '/articles/tajikistan-border/' });
  });

  it('passes files through untouched: the JSON, feeds, images and the page itself', () => {
    for (const uri of [
      '/articles/tajikistan-border.json',
      '/feed.xml',
      '/feed.json',
      '/media/a1/m1.png',
      '/articles/tajikistan-border/index.html',
    ]) {
      expect(onRequest(viewerRequest(uri))).toEqual(request(uri));
    }
  });
});

describe('the viewer-response function', () => {
  const page = {
    'content-type': 'text/html; charset=utf-8',
    'content-length': '5120',
    etag: '"9b2cf535f27731c974343645a3985328"',
    'last-modified': 'Wed, 25 Nov 2026 19:00:00 GMT',
    'cache-control': 'public, max-age=0, must-revalidate, s-maxage=31536000',
    'x-amz-server-side-encryption': 'AES256',
    'x-amz-meta-rendered-version': '7',
  };

  it('answers a killed article’s marker object with 410 Gone, no body and nothing to revalidate against', () => {
    const answer = onResponse(viewerResponse({ ...page, 'content-length': '0', 'x-amz-meta-newsroom-gone': '1' }));
    expect(answer.statusCode).toBe(410);
    expect(answer.statusDescription).toBe('Gone');
    expect(answer.body).toEqual({ data: '', encoding: 'text' });
    expect(Object.keys(answer.headers).sort()).toEqual(['cache-control', 'content-length']);
  });

  it('leaves a live page as it is, less the bucket’s x-amz-* headers', () => {
    const answer = onResponse(viewerResponse(page));
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toBeUndefined();
    expect(Object.keys(answer.headers).sort()).toEqual(['cache-control', 'content-length', 'content-type', 'etag', 'last-modified']);
  });

  it('answers 304 revalidations of a live page as they are', () => {
    const answer = onResponse(viewerResponse({ etag: page.etag, 'cache-control': page['cache-control'] }, 304));
    expect(answer.statusCode).toBe(304);
  });
});

describe('the CloudFront Functions themselves', () => {
  it('fit in CloudFront’s 10 KB function size limit', () => {
    for (const file of Object.values(SITE_EDGE_FUNCTIONS)) expect(statSync(file).size).toBeLessThan(10 * 1024);
  });
});
