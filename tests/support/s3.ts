import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** An s3rver with a bucket (or several) in a temporary directory, and a client set up for it, for integration tests. */
export async function startS3(bucket: string, ...more: string[]) {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: mkdtempSync(join(tmpdir(), 's3-')),
    silent: true,
    configureBuckets: [bucket, ...more].map((name) => ({ name })),
  });
  const { port } = await server.run();
  const s3 = new S3Client({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver stores the SDK's aws-chunked framing inside objects unless checksums are left off.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    s3,
    bucket,
    async stop() {
      s3.destroy();
      await server.close();
    },
  };
}
