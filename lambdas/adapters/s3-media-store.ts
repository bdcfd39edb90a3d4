import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ByteSource, MediaStore, UploadForm } from '../usecases/ports.js';

/**
 * The policy of a browser form upload: the exact key, the declared content type, and a
 * content-length range that admits only the declared size.
 */
export function uploadConditions(bucket: string, key: string, contentType: string, size: number) {
  return [{ bucket }, ['eq', '$key', key], ['eq', '$Content-Type', contentType], ['content-length-range', size, size]] as const;
}

/**
 * `Content-Disposition: attachment` with the file's name (RFC 6266): an ASCII fallback with
 * quotes and backslashes replaced, and the exact name as RFC 5987 UTF-8.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** How much of an object one ranged GET fetches when the reader asks for less. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Whether S3 says the object is not there. Without s3:ListBucket (the verifier has none), S3 answers
 * a missing object with 403 AccessDenied rather than 404: it will not say whether the key exists.
 * Any other 403 (a KMS or policy denial) is a real failure, and so is a 404 NoSuchBucket: a bucket
 * that is not there is a fault to retry and alarm on, not an upload that never came. A HEAD's answer
 * has no body, so its 403 or 404 cannot be told apart: it counts as missing.
 */
const missing = (err: unknown, request: 'get' | 'head' = 'get') =>
  err instanceof NoSuchKey ||
  err instanceof NotFound ||
  (err instanceof S3ServiceException &&
    ((err.$metadata.httpStatusCode === 404 && err.name !== 'NoSuchBucket') ||
      (err.$metadata.httpStatusCode === 403 && (request === 'head' || err.name === 'AccessDenied'))));

export class S3MediaStore implements MediaStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async presignUpload(key: string, contentType: string, size: number, expiresInSeconds: number): Promise<UploadForm> {
    const expiresAt = new Date(Date.now() + expiresInSeconds * 1000).toISOString();
    const { url, fields } = await createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: uploadConditions(this.bucket, key, contentType, size) as never,
      Fields: { 'Content-Type': contentType },
      Expires: expiresInSeconds,
    });
    return { url, fields, expiresAt };
  }

  /**
   * S3 answers a presigned GET with the `response-*` overrides it carries: the file is served
   * as a download of the verified type, never rendered inline under the bucket's origin.
   */
  presignDownload(key: string, expiresInSeconds: number, as: { filename: string; contentType: string }): Promise<string> {
    const get = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: attachmentDisposition(as.filename),
      ResponseContentType: as.contentType,
      ResponseCacheControl: 'private, no-store',
    });
    return getSignedUrl(this.s3, get, { expiresIn: expiresInSeconds });
  }

  async copy(from: string, to: string): Promise<boolean> {
    try {
      await this.s3.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${from}` }));
      return true;
    } catch (err) {
      if (missing(err)) return false;
      throw err;
    }
  }

  /** Reads an object by ranged GETs of at least 4 MiB, keeping the last one: sequential reads cost one request per chunk. */
  async open(key: string): Promise<ByteSource | undefined> {
    let first: { size: number; bytes: Uint8Array };
    try {
      first = await this.range(key, 0, CHUNK_BYTES);
    } catch (err) {
      if (missing(err)) return undefined;
      // A range on an empty object is unsatisfiable: the object is there, with nothing in it.
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 416) return { size: 0, read: async () => new Uint8Array() };
      throw err;
    }
    const { size } = first;
    let window = { start: 0, bytes: first.bytes };
    return {
      size,
      read: async (offset, length) => {
        const end = Math.min(size, offset + length);
        if (offset >= end) return new Uint8Array();
        if (offset < window.start || end > window.start + window.bytes.byteLength) {
          const { bytes } = await this.range(key, offset, Math.max(end - offset, CHUNK_BYTES));
          window = { start: offset, bytes };
        }
        return window.bytes.subarray(offset - window.start, end - window.start);
      },
    };
  }

  private async range(key: string, offset: number, length: number) {
    const out = await this.s3.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
    );
    const bytes = await out.Body!.transformToByteArray();
    const size = out.ContentRange ? Number(out.ContentRange.split('/')[1]) : Number(out.ContentLength ?? bytes.byteLength);
    return { size, bytes };
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (err) {
      if (missing(err, 'head')) return false;
      throw err;
    }
  }

  async *keys(prefix: string): AsyncIterable<string> {
    for await (const page of paginateListObjectsV2({ client: this.s3 }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
    }
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
