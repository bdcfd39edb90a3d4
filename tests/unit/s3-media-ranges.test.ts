import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attachmentDisposition, S3MediaStore } from '../../lambdas/adapters/s3-media-store.js';
import { stubS3Client } from '../support/s3-stub-client.js';

const MiB = 1024 * 1024;
/** A 9 MiB upload and a few bytes: more than two of the reader's 4 MiB chunks. */
const SIZE = 9 * MiB + 123;
const byteAt = (i: number) => i % 251;
const OBJECTS: Record<string, Uint8Array> = {
  'media/a1/m1/verified-1': Uint8Array.from({ length: SIZE }, (_, i) => byteAt(i)),
  'media/a1/m2/empty': new Uint8Array(0),
};

/** Every GET's Range header, in order. */
const ranges: string[] = [];

const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
  `<RequestId>4442587FB7D0A2F9</RequestId><HostId>host</HostId></Error>`;

/**
 * S3 at the HTTP level, as its API reference describes GetObject with a Range: 206 with
 * Content-Range `bytes first-last/size`, the range cut at the object's end, and 416 InvalidRange
 * for a range that starts at or past the end (so for any range on an empty object). The key
 * `media/a1/s3-is-down` answers 500 to everything.
 */
let server: Server;
let client: S3Client;
let store: S3MediaStore;

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = decodeURIComponent(new URL(req.url!, 'http://x').pathname.replace(/^\/newsroom-media\//, ''));
    const fail = (status: number, code: string, message: string) =>
      res.writeHead(status, { 'content-type': 'application/xml' }).end(req.method === 'HEAD' ? undefined : s3Error(code, message));
    const source = req.headers['x-amz-copy-source'];
    if (key === 'media/a1/s3-is-down' || (typeof source === 'string' && source.endsWith('/media/a1/s3-is-down'))) {
      return fail(500, 'InternalError', 'We encountered an internal error. Please try again.');
    }
    const object = OBJECTS[key];
    if (!object) return fail(404, 'NoSuchKey', 'The specified key does not exist.');
    if (req.method === 'HEAD') return res.writeHead(200, { 'content-length': object.byteLength }).end();
    const range = String(req.headers.range);
    ranges.push(range);
    const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(range)!.map(Number) as [number, number, number];
    if (from >= object.byteLength) return fail(416, 'InvalidRange', 'The requested range is not satisfiable');
    const last = Math.min(to, object.byteLength - 1);
    res
      .writeHead(206, {
        'content-type': 'application/octet-stream',
        'content-length': last - from + 1,
        'content-range': `bytes ${from}-${last}/${object.byteLength}`,
      })
      .end(object.subarray(from, last + 1));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  client = stubS3Client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  store = new S3MediaStore(client, 'newsroom-media');
});
afterAll(async () => {
  client.destroy();
  await new Promise<void>((ok) => server.close(() => ok()));
});

const expected = (from: number, length: number) => Uint8Array.from({ length }, (_, i) => byteAt(from + i));
const CHUNK = 4 * MiB;

describe('reading an upload by ranged GETs', () => {
  it('fetches the first 4 MiB on open, and serves reads inside them without another request', async () => {
    ranges.length = 0;
    const source = (await store.open('media/a1/m1/verified-1'))!;
    expect(source.size).toBe(SIZE);
    expect(ranges).toEqual(['bytes=0-4194303']);
    expect(await source.read(0, 10)).toEqual(expected(0, 10));
    expect(await source.read(CHUNK - 10, 10)).toEqual(expected(CHUNK - 10, 10));
    expect(ranges).toEqual(['bytes=0-4194303']);
  });

  it('fetches the next 4 MiB from where a read leaves the chunk it holds', async () => {
    ranges.length = 0;
    const source = (await store.open('media/a1/m1/verified-1'))!;
    expect(await source.read(5 * MiB, 10)).toEqual(expected(5 * MiB, 10));
    expect(ranges).toEqual(['bytes=0-4194303', `bytes=${5 * MiB}-${5 * MiB + CHUNK - 1}`]);
    expect(await source.read(5 * MiB + 100, 3)).toEqual(expected(5 * MiB + 100, 3));
    expect(ranges).toHaveLength(2);
  });

  it('answers a read at or past the end with nothing, without asking S3', async () => {
    ranges.length = 0;
    const source = (await store.open('media/a1/m1/verified-1'))!;
    expect(await source.read(SIZE, 10)).toEqual(new Uint8Array());
    expect(await source.read(SIZE - 4, 10)).toEqual(expected(SIZE - 4, 4));
    expect(ranges).toEqual(['bytes=0-4194303', `bytes=${SIZE - 4}-${SIZE - 4 + CHUNK - 1}`]);
  });

  it('opens an empty upload as zero bytes: S3 refuses any range on it with 416', async () => {
    const source = await store.open('media/a1/m2/empty');
    expect(source).toBeDefined();
    expect(source!.size).toBe(0);
    expect(await source!.read(0, 10)).toEqual(new Uint8Array());
  });
});

describe('the media store when S3 fails', () => {
  it('fails a HEAD or a copy that S3 answers with 500, rather than calling the file missing', async () => {
    await expect(store.exists('media/a1/s3-is-down')).rejects.toThrow();
    await expect(store.copy('media/a1/s3-is-down', 'media/a1/copy')).rejects.toThrow();
  });
});

describe('downloads', () => {
  it('name the file for RFC 5987 with upper-case escapes, including for the characters encodeURIComponent keeps', () => {
    expect(attachmentDisposition("it's (1)*.pdf")).toBe(`attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`);
  });

  it('are never cached: the presigned URL asks S3 for Cache-Control private, no-store', async () => {
    const url = new URL(await store.presignDownload('media/a1/m1/verified-1', 60, { filename: 'photo.jpg', contentType: 'image/jpeg' }));
    expect(url.searchParams.get('response-cache-control')).toBe('private, no-store');
  });
});
