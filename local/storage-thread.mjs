// @ts-check
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';
import S3rver from 's3rver';

/**
 * dynalite and s3rver on a thread of their own (started by `startStorage` in storage.ts): the
 * stores' request handling, LevelDB and file work use the machine's second core instead of sharing
 * one event loop with the API, the dispatcher, the publisher and the renderer. Plain JavaScript:
 * Node loads a worker's entry itself, outside the TypeScript loader of `npm start` and of Jest.
 *
 * workerData: { dataDir, mediaBucket, siteBucket, mediaCors? }. Messages to the parent:
 * { kind: 'started', dynamoEndpoint, s3Endpoint }, { kind: 'object-created', event },
 * { kind: 'closed' } after 'close' is received, { kind: 'failed', message, code?, syscall? }.
 */
async function run(port, data) {
  const dynamo = dynalite({ path: join(data.dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise((ok, fail) => dynamo.once('error', fail).listen(0, '127.0.0.1', ok));
  const s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: join(data.dataDir, 's3'),
    silent: true,
    configureBuckets: [
      { name: data.mediaBucket, configs: data.mediaCors ? [data.mediaCors] : [] },
      { name: data.siteBucket, configs: [] },
    ],
  });
  const { port: s3Port } = await s3.run();
  s3.on('event', (event) => port.postMessage({ kind: 'object-created', event }));
  port.on('message', async (message) => {
    if (message !== 'close') return;
    await s3.close();
    // dynalite closes its LevelDB store when its server closes.
    dynamo.closeAllConnections?.();
    await new Promise((ok) => dynamo.close(() => ok(undefined)));
    port.postMessage({ kind: 'closed' });
    port.close();
  });
  port.postMessage({
    kind: 'started',
    dynamoEndpoint: `http://127.0.0.1:${dynamo.address().port}`,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
  });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData).catch((err) =>
    port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err), code: err?.code, syscall: err?.syscall }),
  );
}
