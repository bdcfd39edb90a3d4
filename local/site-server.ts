import type { IncomingMessage, ServerResponse } from 'node:http';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { NOT_FOUND_PATH, SITE_SECURITY_HEADERS } from '../lambdas/site/index.js';
import { EdgeCache, siteKey, type SiteObject } from './edge-cache.js';

/** Where the local newsroom serves the public site, as CloudFront does in AWS. */
export const SITE_PREFIX = '/site';

const NOT_FOUND = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1></html>\n';

/**
 * Serves the site bucket as the CloudFront distribution does, from its cache until the renderer
 * invalidates a path (`cache`, the same one the renderer invalidates): a directory path is its
 * `index.html`, a page path without its slash is redirected to it, a missing file is 404 (never
 * S3's 403), a killed article's marker is 410 with no content, and every answer carries the
 * site's security headers, `ETag` and `Last-Modified`, with conditional requests answered 304.
 */
export function siteServer(s3: S3Client, bucket: string, cache = new EdgeCache()) {
  const read = async (key: string): Promise<SiteObject> => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await object.Body!.transformToByteArray());
      const cacheControl = object.CacheControl ?? 'no-cache';
      if (object.Metadata?.['newsroom-gone']) return { kind: 'gone', cacheControl };
      return {
        kind: 'file',
        body,
        contentType: object.ContentType ?? 'application/octet-stream',
        cacheControl,
        etag: object.ETag ?? '',
        lastModified: object.LastModified,
      };
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return { kind: 'missing' };
      throw err;
    }
  };
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const security = { ...SITE_SECURITY_HEADERS };
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...security, allow: 'GET, HEAD', 'content-length': '0' }).end();
      return;
    }
    const path = url.pathname.slice(SITE_PREFIX.length);
    if (path === '' || (/^\/articles\/[^/.]+$/.test(path) && !path.endsWith('/'))) {
      res.writeHead(301, { ...security, location: `${SITE_PREFIX}${path}/${url.search}`, 'content-length': '0' }).end();
      return;
    }
    const key = siteKey(path);
    // As CloudFront's custom error response: the site's own 404 page, once the renderer has written it.
    const missing = async () => {
      const page = await cache.get(NOT_FOUND_PATH.slice(1), read).catch(() => undefined);
      notFound(res, method, security, page?.kind === 'file' ? page : undefined);
    };
    if (!key) return missing();
    const object = await cache.get(key, read);
    if (object.kind === 'missing') return missing();
    if (object.kind === 'gone') {
      res.writeHead(410, { ...security, 'cache-control': object.cacheControl, 'content-length': '0' }).end();
      return;
    }
    const headers: Record<string, string> = {
      ...security,
      'content-type': object.contentType,
      'cache-control': object.cacheControl,
      etag: object.etag,
      'last-modified': (object.lastModified ?? new Date()).toUTCString(),
    };
    if (notModified(req, object.etag, object.lastModified)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': String(object.body.byteLength) }).end(method === 'HEAD' ? undefined : object.body);
  };
}

function notFound(res: ServerResponse, method: string, security: Record<string, string>, page?: { body: Buffer }) {
  const body = page?.body ?? Buffer.from(NOT_FOUND);
  res
    .writeHead(404, {
      ...security,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-length': String(body.byteLength),
    })
    .end(method === 'HEAD' ? undefined : body);
}

/** RFC 9110: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since. */
function notModified(req: IncomingMessage, etag: string, lastModified: Date | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const strip = (t: string) => t.trim().replace(/^W\//, '');
    return inm.trim() === '*' || inm.split(',').some((t) => strip(t) === strip(etag));
  }
  const ims = req.headers['if-modified-since'];
  if (ims && lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}
