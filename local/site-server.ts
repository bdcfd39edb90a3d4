import type { IncomingMessage, ServerResponse } from 'node:http';
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { NOT_FOUND_PATH, SITE_SECURITY_HEADERS } from '../lambdas/site/index.js';

/** Where the local newsroom serves the public site, as CloudFront does in AWS. */
export const SITE_PREFIX = '/site';

const NOT_FOUND = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><h1>Not found</h1></html>\n';

/**
 * Serves the site bucket as the CloudFront distribution does: a directory path is its
 * `index.html`, a page path without its slash is redirected to it, a missing file is 404 (never
 * S3's 403), a killed article's marker is 410 with no content, and every answer carries the
 * site's security headers, `ETag` and `Last-Modified`, with conditional requests answered 304.
 */
export function siteServer(s3: S3Client, bucket: string) {
  let notFoundPage: { body: Buffer; until: number } | undefined;
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
    const read = async (k: string) => {
      const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: k }));
      return { object, body: Buffer.from(await object.Body!.transformToByteArray()) };
    };
    const key = decodeKey(path.endsWith('/') ? `${path}index.html` : path);
    // As CloudFront's custom error response: the site's own 404 page, once the renderer has written
    // it, kept for 10 s as CloudFront keeps error responses, so readers asking for missing pages cost
    // one read of it, not one each.
    const missing = async () => {
      if (!notFoundPage || notFoundPage.until < Date.now()) {
        const page = await read(NOT_FOUND_PATH.slice(1)).catch(() => undefined);
        notFoundPage = page && { body: page.body, until: Date.now() + 10_000 };
      }
      notFound(res, method, security, notFoundPage);
    };
    if (!key) return missing();
    try {
      const { object, body } = await read(key);
      if (object.Metadata?.['newsroom-gone']) {
        res.writeHead(410, { ...security, 'cache-control': object.CacheControl ?? 'no-cache', 'content-length': '0' }).end();
        return;
      }
      const headers: Record<string, string> = {
        ...security,
        'content-type': object.ContentType ?? 'application/octet-stream',
        'cache-control': object.CacheControl ?? 'no-cache',
        etag: object.ETag ?? '',
        'last-modified': (object.LastModified ?? new Date()).toUTCString(),
      };
      if (notModified(req, headers.etag!, object.LastModified)) {
        res.writeHead(304, headers).end();
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': String(body.byteLength) }).end(method === 'HEAD' ? undefined : body);
    } catch (err) {
      if (err instanceof NoSuchKey || (err as { name?: string }).name === 'NoSuchKey') return missing();
      throw err;
    }
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

/** The bucket key of a site path; undefined for a path no file can have. */
function decodeKey(path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return decoded.slice(1);
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
