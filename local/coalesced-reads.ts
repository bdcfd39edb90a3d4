import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';

/** BatchGetItem takes at most 100 keys. */
const BATCH_KEYS = 100;
/** Rounds of UnprocessedKeys a batch reads again before the reads left fail. */
const UNPROCESSED_ROUNDS = 5;

type Key = Record<string, unknown>;

/**
 * In AWS each function reads with its own client, in parallel; on one machine they share one, and
 * a burst of publications is hundreds of single-item reads at once: the publisher's page of due
 * articles, each render's article and site record. Each request costs the client and the stores
 * far more than one more key does, so reads of whole items made in the same turn of the event loop
 * go to the store together, as `BatchGetItem` (consistent reads with consistent reads). Nothing is
 * kept between turns: every read still sees the item as it is then.
 *
 * Reads join others of the same table, consistency and projection. A `GetCommand` asking for
 * consumed capacity or sent with options (an abort signal) goes on its own, as it was.
 */
export function coalesceItemReads(db: DynamoDBDocumentClient): void {
  const send = db.send.bind(db) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  const loaders = new Map<string, DataLoader<Key, Key | undefined, string>>();

  const loaderFor = (read: Read) => {
    const name = JSON.stringify([read.TableName, read.ConsistentRead, read.ProjectionExpression, read.ExpressionAttributeNames]);
    let loader = loaders.get(name);
    if (!loader) {
      loader = new DataLoader((keys) => readTogether(send, read, keys), {
        cache: false,
        maxBatchSize: BATCH_KEYS,
        // After the promises of this turn have run: every read they start joins the batch.
        batchScheduleFn: (run) => setImmediate(run),
        cacheKeyFn: keyId,
      });
      loaders.set(name, loader);
    }
    return loader;
  };

  db.send = ((command: unknown, ...rest: unknown[]) => {
    if (!(command instanceof GetCommand) || rest.length > 0 || !joinable(command.input)) return send(command, ...rest);
    const { Key, ...read } = command.input;
    return loaderFor({ ...read, ConsistentRead: read.ConsistentRead || undefined } as Read)
      .load(Key!)
      .then((Item) => ({ $metadata: {}, Item }));
  }) as typeof db.send;
}

/** What reads that go together have in common. */
type Read = Pick<GetCommand['input'], 'TableName' | 'ConsistentRead' | 'ProjectionExpression' | 'ExpressionAttributeNames'> & {
  TableName: string;
};
const JOINABLE = new Set(['TableName', 'Key', 'ConsistentRead', 'ProjectionExpression', 'ExpressionAttributeNames']);

function joinable(input: GetCommand['input']): boolean {
  return Object.keys(input).every((name) => JOINABLE.has(name));
}

/** One key's identity, whatever order its attributes were written in. */
function keyId(key: Key): string {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((name) => [name, key[name]]),
  );
}

async function readTogether(
  send: (command: unknown) => Promise<unknown>,
  read: Read,
  keys: readonly Key[],
): Promise<(Key | Error | undefined)[]> {
  const alone = (Key: Key) =>
    send(new GetCommand({ ...read, Key })).then(
      (out) => (out as { Item?: Key }).Item,
      (err: unknown) => err as Error,
    );
  const ids = keys.map(keyId);
  // A read that no other joined is sent as it was asked for.
  if (new Set(ids).size === 1) {
    const answer = await alone(keys[0]!);
    return ownCopies(keys.map(() => answer));
  }
  try {
    return ownCopies(await readBatch(send, read, keys, ids));
  } catch {
    // One read's fault (a key DynamoDB refuses) fails the whole batch: each read then goes alone,
    // and gets its own answer.
    return Promise.all(keys.map(alone));
  }
}

/** The same item read twice at once: each reader gets an object of its own, as two requests would. */
function ownCopies(items: (Key | Error | undefined)[]): (Key | Error | undefined)[] {
  const given = new Set<Key>();
  return items.map((item) => {
    if (!item || item instanceof Error) return item;
    if (!given.has(item)) return (given.add(item), item);
    return structuredClone(item);
  });
}

async function readBatch(
  send: (command: unknown) => Promise<unknown>,
  read: Read,
  keys: readonly Key[],
  ids: readonly string[],
): Promise<(Key | Error | undefined)[]> {
  const { TableName: table, ProjectionExpression: projection, ...rest } = read;
  // The same item read twice at once is asked for once: BatchGetItem refuses duplicate keys.
  const wanted = new Map(keys.map((key, i) => [ids[i]!, key]));
  const names = Object.keys(keys[0]!);
  // Each item must come back with its key, to be told apart: a projection gets the key's attributes
  // added, and they are taken off again unless it named them.
  const projected = projection ? topLevelNames(projection, read.ExpressionAttributeNames) : undefined;
  const added = projected ? names.filter((name) => !projected.has(name)) : [];
  const asked = { ...rest, ...(projection ? { ProjectionExpression: [projection, ...added].join(', ') } : {}) };
  const found = new Map<string, Key>();
  let left = [...wanted.values()];
  for (let round = 0; left.length > 0; round++) {
    if (round === UNPROCESSED_ROUNDS) {
      const err = new Error(`DynamoDB left ${left.length} of the keys unread after ${round} rounds`);
      const unread = new Set(left.map(keyId));
      return ids.map((id) => (unread.has(id) ? err : found.get(id)));
    }
    if (round > 0) await new Promise((ok) => setTimeout(ok, 10 * 2 ** round));
    const out = (await send(new BatchGetCommand({ RequestItems: { [table]: { ...asked, Keys: left } } }))) as {
      Responses?: Record<string, Key[]>;
      UnprocessedKeys?: Record<string, { Keys?: Key[] }>;
    };
    for (const item of out.Responses?.[table] ?? []) {
      found.set(keyId(Object.fromEntries(names.map((name) => [name, item[name]]))), item);
      for (const name of added) delete item[name];
    }
    left = out.UnprocessedKeys?.[table]?.Keys ?? [];
  }
  return ids.map((id) => found.get(id));
}

/** The attributes a projection names at its top level (`a.b` and `c[0]` name `a` and `c`). */
function topLevelNames(projection: string, aliases: Record<string, string> = {}): Set<string> {
  return new Set(
    projection.split(',').map((path) => {
      const first = path.trim().split(/[.[]/)[0]!;
      return aliases[first] ?? first;
    }),
  );
}
