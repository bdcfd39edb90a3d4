import { createHash } from 'node:crypto';
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { badInput } from '../domain/errors.js';
import type { ArticleLists, ListRequest, ListSource, Page } from '../usecases/ports.js';
import { fromItem } from './article-item.js';
import { INDEX, idFromListSort, keys } from './keys.js';

/**
 * A list is the newest-first merge of one or more index partitions (a reporter sees their
 * own desk and everything published). The cursor records, for each source, the sort key
 * of the last item handed out, or `false` once that source is exhausted.
 */
type Position = string | null | false;

/** The most index items one source of a list reads for one request. */
export const LIST_READ_CAP = 50;

interface SourceQuery {
  index: string;
  /** Oldest (soonest) first; lists are otherwise newest first. */
  ascending?: boolean;
  partitionAttr: string;
  sortAttr: string;
  partition: string;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
}

function queryFor(source: ListSource): SourceQuery {
  if (source.by === 'publishAt') {
    return {
      index: INDEX.scheduledByTime,
      ascending: true,
      partitionAttr: 'GSI4PK',
      sortAttr: 'GSI4SK',
      partition: keys.duePartition,
      filter: source.authorId
        ? { expression: '#author = :author', names: { '#author': 'authorId' }, values: { ':author': source.authorId } }
        : undefined,
    };
  }
  if (source.by === 'status') {
    return {
      index: INDEX.byStatus,
      partitionAttr: 'GSI1PK',
      sortAttr: 'GSI1SK',
      partition: keys.statusPartition(source.status),
      filter: source.authorIsNot
        ? { expression: '#author <> :author', names: { '#author': 'authorId' }, values: { ':author': source.authorIsNot } }
        : undefined,
    };
  }
  return {
    index: INDEX.byAuthor,
    partitionAttr: 'GSI2PK',
    sortAttr: 'GSI2SK',
    partition: keys.authorPartition(source.authorId),
    filter: source.status
      ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': source.status } }
      : undefined,
  };
}

interface Fetched {
  items: Record<string, unknown>[];
  exhausted: boolean;
  /** The sort key down to which this source has been read, when it has more: it resumes below it. */
  readTo?: string;
  /** True when the read cap, not a full page, stopped the source: nothing below `readTo` was looked at. */
  capped: boolean;
}

/**
 * Reads one source after a position. Unfiltered, a page reads `limit` items. A filter can leave
 * a page short, so a filtered source reads in large pages, and stops at LIST_READ_CAP items read
 * however few matched: a list of an author's published work never walks all their drafts in
 * one request; the cursor resumes where reading stopped.
 */
async function fetchAfter(
  db: DynamoDBDocumentClient,
  tableName: string,
  q: SourceQuery,
  after: string | null,
  limit: number,
): Promise<Fetched> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  if (after) {
    const id = idFromListSort(after)!;
    startKey = { ...keys.article(id), [q.partitionAttr]: q.partition, [q.sortAttr]: after };
  }
  let read = 0;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: q.index,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: q.filter?.expression,
        ExpressionAttributeNames: { '#pk': q.partitionAttr, ...q.filter?.names },
        ExpressionAttributeValues: { ':pk': q.partition, ...q.filter?.values },
        ScanIndexForward: !!q.ascending,
        Limit: q.filter ? LIST_READ_CAP - read : limit,
        ExclusiveStartKey: startKey,
      }),
    );
    read += page.ScannedCount ?? page.Items?.length ?? 0;
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit && read < LIST_READ_CAP);
  const more = items.length > limit;
  return {
    items: items.slice(0, limit),
    exhausted: !startKey && !more,
    // Matches read beyond the page are read again next time, so a source resumes after its last kept one.
    readTo: more ? (items[limit - 1]![q.sortAttr] as string) : (startKey?.[q.sortAttr] as string | undefined),
    capped: startKey !== undefined && items.length < limit,
  };
}

/** Article lists, newest first, from the status and author indexes. */
export class DynamoArticleLists implements ArticleLists {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  list(request: ListRequest): Promise<Page> {
    return listArticles(this.db, this.tableName, request);
  }
}

async function listArticles(db: DynamoDBDocumentClient, tableName: string, request: ListRequest): Promise<Page> {
  const queries = request.sources.map(queryFor);
  const fingerprint = fingerprintOf(request.sources);
  const positions = request.cursor ? decodeCursor(request.cursor, fingerprint, queries.length) : queries.map((): Position => null);

  const fetched: Fetched[] = await Promise.all(
    queries.map((q, i) => {
      const at = positions[i];
      return at === false ? { items: [], exhausted: true, capped: false } : fetchAfter(db, tableName, q, at ?? null, request.limit);
    }),
  );

  // A source stopped by the read cap has not looked below where it stopped: nothing older than
  // the highest such point may be handed out on this page, from any source.
  // In an ascending list (one source: scheduled by time) "older" is later, so every comparison flips.
  const dir = queries[0]?.ascending ? -1 : 1;
  const before = (a: string, b: string) => (a > b ? dir : a < b ? -dir : 0);
  const cut = fetched.reduce<string | undefined>(
    (c, f) => (f.capped && (c === undefined || before(f.readTo!, c) > 0) ? f.readTo : c),
    undefined,
  );
  const merged = fetched
    .flatMap((f, source) => f.items.map((item, n) => ({ item, source, n, sort: item[queries[source]!.sortAttr] as string })))
    .filter((m) => cut === undefined || before(m.sort, cut) > 0)
    .sort((a, b) => before(b.sort, a.sort))
    .slice(0, request.limit);

  const next = positions.map((p, source): Position => {
    const taken = merged.filter((m) => m.source === source);
    const f = fetched[source]!;
    // Everything this source read was handed out (or matched nothing): it resumes below what it read.
    if (taken.length === f.items.length) return f.exhausted ? false : (f.readTo ?? p);
    return taken.length === 0 ? p : taken[taken.length - 1]!.sort;
  });

  return {
    items: merged.map((m) => fromItem(m.item)),
    nextCursor: next.every((p) => p === false) ? null : encodeCursor(fingerprint, next),
  };
}

function fingerprintOf(sources: readonly ListSource[]): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('base64url').slice(0, 12);
}

function encodeCursor(fingerprint: string, positions: Position[]): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, p: positions })).toString('base64url');
}

function decodeCursor(cursor: string, fingerprint: string, count: number): Position[] {
  const invalid = () => badInput('/query/cursor', 'The cursor is not valid for this list.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = parsed as { q?: unknown; p?: unknown };
  if (!c || typeof c !== 'object' || c.q !== fingerprint || !Array.isArray(c.p) || c.p.length !== count) throw invalid();
  for (const p of c.p) {
    if (!(p === null || p === false || (typeof p === 'string' && idFromListSort(p)))) throw invalid();
  }
  return c.p as Position[];
}
