import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, paginateListObjectsV2, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { MediaStore, UploadForm } from '../usecases/ports.js';

/**
 * The policy of a browser form upload: the exact key, the declared content type, and a
 * content-length range that admits only the declared size.
 */
export function uploadConditions(bucket: string, key: string, contentType: string, size: number) {
  return [{ bucket }, ['eq', '$key', key], ['eq', '$Content-Type', contentType], ['content-length-range', size, size]] as const;
}

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

  presignDownload(key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: expiresInSeconds });
  }

  async inspect(key: string, headBytes: number) {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${headBytes - 1}` }));
      const head = await out.Body!.transformToByteArray();
      const total = out.ContentRange ? Number(out.ContentRange.split('/')[1]) : Number(out.ContentLength ?? head.byteLength);
      return { size: total, head };
    } catch (err) {
      if (err instanceof NoSuchKey) return undefined;
      // Without s3:ListBucket (the verifier has none), S3 answers a missing object with 403
      // AccessDenied rather than 404: it will not say whether the key exists.
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 403 && err.name === 'AccessDenied') return undefined;
      // A range on an empty object is unsatisfiable: the object is there, with nothing in it.
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 416) return { size: 0, head: new Uint8Array() };
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
