import { CopyObjectCommand, DeleteObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CACHE_CONTROL } from '../site/files.js';
import type { SiteFile } from '../site/model.js';
import type { SiteFiles } from '../usecases/site-ports.js';

/** DeleteObjects takes at most 1,000 keys a request. */
const DELETE_BATCH = 1000;

/**
 * The metadata of a killed article's marker object: S3 serves it as `x-amz-meta-newsroom-gone: 1`,
 * which the distribution's viewer-response function (lib/site-edge/viewer-response.js) answers
 * with 410 Gone and no body.
 */
export const GONE_METADATA = { 'newsroom-gone': '1' } as const;

/** Only a verified copy of an upload (`media/<articleId>/<mediaId>/verified-<attempt>`) ever reaches readers. */
const VERIFIED_MEDIA_KEY = /^media\/[^/]+\/[^/]+\/verified-[^/]+$/;

/** A site path (`/articles/<slug>/index.html`) is the bucket key without its leading slash. */
export function siteKey(path: string): string {
  if (!path.startsWith('/') || path.length < 2 || path.endsWith('/') || path.includes('//')) {
    throw new Error(`not a site file path: ${JSON.stringify(path)}`);
  }
  return path.slice(1);
}

/**
 * CopyObject's source is `<bucket>/<key>`, URL-encoded (S3 API reference, CopyObject,
 * x-amz-copy-source); the slashes between key segments stay as they are.
 */
export const copySource = (bucket: string, key: string) => `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

/**
 * The site's files in the private site bucket that CloudFront serves: pages, JSON and feeds with
 * the type and caching the renderer chose, a 410 marker for what was killed, and copies of the
 * verified images from the media bucket.
 */
export class S3SiteFiles implements SiteFiles {
  constructor(
    private readonly s3: Pick<S3Client, 'send'>,
    private readonly siteBucket: string,
    private readonly mediaBucket: string,
  ) {}

  async put(file: SiteFile): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.siteBucket,
        Key: siteKey(file.path),
        Body: file.body,
        ContentType: file.contentType,
        CacheControl: file.cacheControl,
      }),
    );
  }

  async remove(paths: readonly string[]): Promise<void> {
    const keys = [...new Set(paths.map(siteKey))];
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      // S3 reports a key that is not there as deleted: only real refusals come back as Errors.
      const out = await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.siteBucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
      );
      if (out.Errors?.length) {
        throw new Error(`site bucket refused to delete ${out.Errors.map((e) => `${e.Key} (${e.Code})`).join(', ')}`);
      }
    }
  }

  /** An empty object whose metadata the CDN's viewer-response function answers with 410 Gone and no body. */
  async gone(path: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.siteBucket,
        Key: siteKey(path),
        // Zero bytes stated as such (an empty string reads to the SDK as a stream of unknown length).
        Body: new Uint8Array(0),
        ContentType: 'text/plain; charset=utf-8',
        CacheControl: CACHE_CONTROL.page,
        Metadata: { ...GONE_METADATA },
      }),
    );
  }

  /** A server-side copy: the image's bytes never pass through the function. */
  async copyMedia(storedKey: string, path: string, contentType: string): Promise<void> {
    if (!VERIFIED_MEDIA_KEY.test(storedKey)) throw new Error(`not a verified media key: ${JSON.stringify(storedKey)}`);
    await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.siteBucket,
        Key: siteKey(path),
        CopySource: copySource(this.mediaBucket, storedKey),
        // The upload's own metadata stays behind: readers get the verified type and long caching.
        MetadataDirective: 'REPLACE',
        ContentType: contentType,
        CacheControl: CACHE_CONTROL.media,
      }),
    );
  }
}
