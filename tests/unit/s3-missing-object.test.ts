import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { S3MediaStore } from '../../lambdas/adapters/s3-media-store.js';
import { stubS3Client } from '../support/s3-stub-client.js';

/**
 * S3's answers for a GetObject on a key that is not there, as AWS documents them: 404
 * NoSuchKey to a caller holding s3:ListBucket, 403 AccessDenied to one without (the verifier).
 * s3rver always answers 404, so this stands in for S3 at the HTTP level.
 */
const ANSWERS: Record<string, { status: number; code: string; message: string }> = {
  'media/a1/without-list-bucket': { status: 403, code: 'AccessDenied', message: 'Access Denied' },
  'media/a1/with-list-bucket': { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
  'media/a1/s3-is-down': { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
  'media/a1/bucket-policy-denies': { status: 403, code: 'AllAccessDisabled', message: 'All access to this object has been disabled' },
  'media/a1/bucket-misnamed': { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' },
};

let server: Server;
let store: S3MediaStore;
let client: S3Client;

beforeAll(async () => {
  server = createServer((req, res) => {
    // A copy is answered for its source, as S3 does.
    const path = (req.headers['x-amz-copy-source'] as string | undefined) ?? new URL(req.url!, 'http://x').pathname;
    const key = decodeURIComponent(path.replace(/^\/?newsroom-media\//, ''));
    const answer = ANSWERS[key] ?? ANSWERS['media/a1/with-list-bucket']!;
    res.writeHead(answer.status, { 'content-type': 'application/xml', 'x-amz-request-id': '4442587FB7D0A2F9' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${answer.code}</Code><Message>${answer.message}</Message>` +
        `<RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`,
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  client = stubS3Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  store = new S3MediaStore(client, 'newsroom-media');
});
afterAll(async () => {
  client.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
});

describe('the media store, reading an upload that is not there', () => {
  it('treats 403 AccessDenied as missing: the verifier holds no s3:ListBucket, so that is how S3 says "no such key"', async () => {
    await expect(store.open('media/a1/without-list-bucket')).resolves.toBeUndefined();
  });

  it('treats the same answer to a HEAD (403 with no body) and to a copy as missing', async () => {
    await expect(store.exists('media/a1/without-list-bucket')).resolves.toBe(false);
    await expect(store.copy('media/a1/without-list-bucket', 'media/a1/copy')).resolves.toBe(false);
  });

  it('treats 404 NoSuchKey as missing', async () => {
    await expect(store.open('media/a1/with-list-bucket')).resolves.toBeUndefined();
  });

  it('still fails on anything else, so the event is retried rather than dropped', async () => {
    await expect(store.open('media/a1/s3-is-down')).rejects.toMatchObject({ name: 'InternalError' });
    await expect(store.open('media/a1/bucket-policy-denies')).rejects.toMatchObject({ name: 'AllAccessDisabled' });
  });

  it('fails on 404 NoSuchBucket, a misconfigured bucket, rather than calling every upload missing', async () => {
    await expect(store.open('media/a1/bucket-misnamed')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(store.copy('media/a1/bucket-misnamed', 'media/a1/copy')).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});
