// @ts-check
import { createHash } from 'node:crypto';
import { mkdir, open, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';
import S3rver from 's3rver';

const require = createRequire(import.meta.url);

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
  rememberTables(require('dynalite/db'));
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
  mendPutObject(s3.store);
  mendDeleteObject(s3.store);
  rememberBuckets(s3.store);
  quietenLogger(s3);
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

/**
 * s3rver 3.7.1's FilesystemStore#putObject, mended. It makes the key's directory, then opens the file
 * with no error listener; and a DELETE prunes directories it leaves empty. A DELETE of the last other
 * key in that directory (the verifier deleting its copy, say) landing between the two makes the
 * open fail with ENOENT, unhandled: the whole thread died and every request after it was refused.
 * This one opens the file first, making the directory again if it vanished meanwhile, and answers
 * any write error to the request. It also resolves only once the bytes are on disk, so the
 * object-created event never announces a file still being written.
 *
 * @param {any} store s3rver's FilesystemStore
 */
function mendPutObject(store) {
  store.putObject = async function putObject(/** @type {any} */ object) {
    const path = store.getResourcePath(object.bucket, object.key, 'object');
    const file = await openMakingDirectory(path);
    const md5 = createHash('md5');
    let size = 0;
    const count = new Transform({
      transform(chunk, _encoding, done) {
        md5.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    await pipeline(source, count, file.createWriteStream());
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    return { size, md5: digest };
  };
}

/**
 * s3rver 3.7.1's FilesystemStore#deleteObject prunes the directories the key leaves empty by listing
 * each, then removing it: an upload landing in one between the two made the DELETE fail (500)
 * although the object was gone. Removing a directory only succeeds when it is empty anyway, so this
 * one just tries, and stops at the first directory still in use.
 *
 * @param {any} store s3rver's FilesystemStore
 */
function mendDeleteObject(store) {
  store.deleteObject = async function deleteObject(/** @type {string} */ bucket, /** @type {string} */ key) {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((resource) =>
        unlink(store.getResourcePath(bucket, key, resource)).catch(unless('ENOENT')),
      ),
    );
    // The last part is no directory: it is in the file's name.
    const parts = key.split('/').slice(0, -1);
    for (; parts.length; parts.pop()) {
      try {
        await rmdir(join(store.getBucketPath(bucket), ...parts));
      } catch (err) {
        unless('ENOTEMPTY', 'EEXIST', 'ENOENT')(err);
        return;
      }
    }
  };
}

/**
 * dynalite reads the table's description from LevelDB on every request, to answer a handful of
 * tables that change only when they are created, updated or deleted. Its store keeps them here,
 * forgotten on any write to its tables' records, and never kept from a read that such a write overlapped.
 *
 * Item requests (dynalite asks for their table as `getTable(name, cb)`) only read the description,
 * so they share the kept one, frozen: copying it for each of them cost more than the read it saves.
 * Table requests, which ask with an explicit status flag and change or return theirs, get a copy.
 *
 * @param {any} db dynalite's `db` module, whose `create` makes the store
 */
function rememberTables(db) {
  const create = db.create;
  db.create = function createRemembering(/** @type {any} */ options) {
    const store = create(options);
    joinWrites(store.db, store.lifecycleManager);
    const getTable = store.getTable;
    const tables = new Map();
    // Bumped when a table record's write begins and when it ends: a description read while one was
    // under way may be the old one, and is not kept.
    let writes = 0;
    const forget = () => {
      writes++;
      tables.clear();
    };
    for (const method of ['put', 'del']) {
      const write = store.tableDb[method];
      store.tableDb[method] = function (/** @type {any[]} */ ...args) {
        forget();
        const done = args.at(-1);
        if (typeof done == 'function')
          args[args.length - 1] = (/** @type {any[]} */ ...result) => {
            forget();
            done(...result);
          };
        return write.apply(this, args);
      };
    }
    store.getTable = function getRememberedTable(/** @type {string} */ name, /** @type {any} */ checkStatus, /** @type {any} */ cb) {
      // Called as (name, cb), dynalite's getTable takes `cb` for `checkStatus` too (truthy: statuses are checked).
      const itemRequest = typeof checkStatus == 'function';
      const [check, done] = itemRequest ? [true, checkStatus] : [checkStatus, cb];
      const known = tables.get(name);
      if (known) return done(null, itemRequest ? known : structuredClone(known));
      const seen = writes;
      getTable(name, check, (/** @type {any} */ err, /** @type {any} */ table) => {
        if (!err && table?.TableStatus === 'ACTIVE' && seen === writes) tables.set(name, deepFreeze(structuredClone(table)));
        done(err, table);
      });
    };
    return store;
  };
}

/**
 * dynalite writes an item and each of its index entries with a LevelDB operation of its own, each
 * a round through the thread pool: a conditional update of an article is about ten. Its store here
 * gathers the writes that all requests make in one turn of the event loop into one LevelDB batch,
 * and answers each of them once the batch is written. Nothing is answered earlier than before, so
 * dynalite's item locks order a key's writes as they did; and LevelDB never ordered writes still
 * in flight. Should a batch fail, its writes are made one by one, so each fails only for itself.
 * Closing the store waits for writes still queued, as it waits for those under way.
 *
 * @param {any} db dynalite's LevelDB store, with its callback-style `put`, `del` and `batch`
 * @param {any} [lifecycle] dynalite's lifecycle manager, which closing the store asks
 */
function joinWrites(db, lifecycle) {
  /** @type {{ op: any, done: (err: unknown) => void }[]} */
  let queued = [];
  /** Settles once the queued writes are stored (or refused): closing the store waits for it. */
  let written = () => {};
  const single = { put: db.put, del: db.del };
  const flush = () => {
    const batch = queued;
    const settled = written;
    queued = [];
    db.batch(
      batch.map((w) => w.op),
      (/** @type {unknown} */ err) => {
        settled();
        if (!err) for (const w of batch) w.done(null);
        else
          for (const { op, done } of batch)
            if (op.type === 'put') single.put.call(db, op.key, op.value, done);
            else single.del.call(db, op.key, done);
      },
    );
  };
  const queue = (/** @type {any} */ op, /** @type {(err: unknown) => void} */ done) => {
    if (queued.push({ op, done }) > 1) return;
    lifecycle?.trackOperation(new Promise((ok) => (written = () => ok(undefined)))).catch(() => undefined);
    setImmediate(flush);
  };
  db.put = function put(/** @type {any} */ key, /** @type {any} */ value, /** @type {any} */ done) {
    if (typeof done != 'function') return single.put.call(db, key, value, done);
    queue({ type: 'put', key, value }, done);
  };
  db.del = function del(/** @type {any} */ key, /** @type {any} */ done) {
    if (typeof done != 'function') return single.del.call(db, key, done);
    queue({ type: 'del', key }, done);
  };
}

/** Freezes `value` and everything in it. */
function deepFreeze(/** @type {any} */ value) {
  if (value && typeof value == 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * s3rver reads a bucket's directory and its website and CORS configurations from disk on every
 * request. The newsroom's buckets are configured once, at start: this store keeps what it read,
 * and forgets it when a bucket or its configuration is written or deleted.
 *
 * @param {any} store s3rver's FilesystemStore
 */
function rememberBuckets(store) {
  const buckets = new Map();
  const configs = new Map();
  const forget = (/** @type {string} */ bucket) => {
    buckets.delete(bucket);
    for (const key of configs.keys()) if (key.startsWith(`${bucket}/`)) configs.delete(key);
  };
  const { getBucket, putBucket, deleteBucket, getSubresource, putSubresource, deleteSubresource, reset } = store;
  Object.assign(store, {
    async getBucket(/** @type {string} */ bucket) {
      if (buckets.has(bucket)) return buckets.get(bucket);
      const found = await getBucket.call(store, bucket);
      // Only a bucket that exists is kept: one made later is found then.
      if (found) buckets.set(bucket, found);
      return found;
    },
    async getSubresource(/** @type {string} */ bucket, /** @type {string | undefined} */ key, /** @type {string} */ type) {
      if (key !== undefined) return getSubresource.call(store, bucket, key, type);
      const at = `${bucket}/${type}`;
      if (configs.has(at)) return configs.get(at);
      const config = await getSubresource.call(store, bucket, key, type);
      configs.set(at, config);
      return config;
    },
    ...Object.fromEntries(
      Object.entries({ putBucket, deleteBucket, putSubresource, deleteSubresource }).map(([name, write]) => [
        name,
        async (/** @type {string} */ bucket, /** @type {any[]} */ ...rest) => {
          forget(bucket);
          try {
            return await write.call(store, bucket, ...rest);
          } finally {
            forget(bucket);
          }
        },
      ]),
    ),
    reset() {
      buckets.clear();
      configs.clear();
      return reset.call(store);
    },
  });
}

/**
 * s3rver's first middleware is koa-logger, which times and formats every request for a logger
 * that `silent` then drops. A silent server gets a middleware that only passes the request on.
 *
 * @param {any} s3 the S3rver (a Koa application)
 */
function quietenLogger(s3) {
  if (s3.silent && s3.middleware[0]?.name === 'logger')
    s3.middleware[0] = (/** @type {any} */ _ctx, /** @type {() => Promise<void>} */ next) => next();
}

/** A catch handler that swallows the given error codes and throws anything else. */
const unless =
  (/** @type {string[]} */ ...codes) =>
  (/** @type {unknown} */ err) => {
    if (!codes.includes(/** @type {NodeJS.ErrnoException} */ (err).code ?? '')) throw err;
  };

/**
 * Opens `path` for writing. Most keys' directories are there already (a page rewritten, a bucket's
 * shared folders), so it opens first, and makes the directory only when the open finds none: for a
 * new key, or when a DELETE pruned it meanwhile.
 */
async function openMakingDirectory(/** @type {string} */ path) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open(path, 'w');
    } catch (err) {
      if (attempt === 5) throw err;
      unless('ENOENT')(err);
    }
    // Making the directories can fail as well, when a parent is pruned between two of them.
    await mkdir(dirname(path), { recursive: true }).catch(unless('ENOENT'));
  }
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData).catch((err) =>
    port.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err), code: err?.code, syscall: err?.syscall }),
  );
}
