import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION, MEDIA_BUCKET, startStorage, type LocalStorage } from '../../local/storage.js';
import { newDataDir, ROOT } from '../support/local-newsroom.js';

let storage: LocalStorage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
});

const s3Of = (endpoint: string) =>
  new S3Client({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true, maxAttempts: 1 });
const unsettled = Symbol('unsettled');
const settledWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<typeof unsettled>((ok) => setTimeout(() => ok(unsettled), ms).unref())]);

describe('the embedded stores on their own thread', () => {
  it('store a file whose directory a DELETE of its last neighbour prunes at the same moment', async () => {
    // The verifier deletes its copy (media/a/m/verified-x) while a form refills the upload key (media/a/m):
    // s3rver prunes the emptied directory media/a/ just as the upload is written into it.
    storage = await startStorage(newDataDir());
    const s3 = s3Of(storage.s3Endpoint);
    const body = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: MEDIA_BUCKET, Key: key }))).Body!.transformToString();
    for (let i = 0; i < 300; i++) {
      const [copy, refill] = [`media/a${i}/m/verified-x`, `media/a${i}/m`];
      await s3.send(new PutObjectCommand({ Bucket: MEDIA_BUCKET, Key: copy, Body: 'copy' }));
      const outcomes = await Promise.allSettled([
        s3.send(new DeleteObjectCommand({ Bucket: MEDIA_BUCKET, Key: copy })),
        s3.send(new PutObjectCommand({ Bucket: MEDIA_BUCKET, Key: refill, Body: `refill ${i}` })),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await body(refill)).toBe(`refill ${i}`);
    }
    expect(await settledWithin(storage.failed, 50)).toBe(unsettled);
    s3.destroy();
  });

  it('report a thread that stops on its own, so the newsroom can stop with it', async () => {
    const dataDir = newDataDir();
    // The real thread, plus a fault it cannot recover from once told to.
    const entry = join(dataDir, 'faulty-thread.mjs');
    writeFileSync(
      entry,
      [
        `import ${JSON.stringify(pathToFileURL(join(ROOT, 'local/storage-thread.mjs')).href)};`,
        `import { existsSync } from 'node:fs';`,
        `setInterval(() => { if (existsSync(${JSON.stringify(join(dataDir, 'fail-now'))})) throw new Error('the disk went away'); }, 10);`,
      ].join('\n'),
    );
    storage = await startStorage(dataDir, [], pathToFileURL(entry));
    expect(await settledWithin(storage.failed, 100)).toBe(unsettled);

    writeFileSync(join(dataDir, 'fail-now'), '');
    const err = await storage.failed;
    expect(err.message).toBe('the disk went away');
    expect(existsSync(dataDir)).toBe(true);
  });

  it('do not report a thread that stops because it was closed', async () => {
    storage = await startStorage(newDataDir());
    const failed = storage.failed;
    await storage.close();
    storage = undefined;
    expect(await settledWithin(failed, 100)).toBe(unsettled);
  });
});
