import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DELIVERY_ATTEMPTS_KEPT,
  DELIVERY_KEEP_MS,
  DELIVERY_STATUSES,
  attemptSucceeded,
  articleIdOfEvent,
  type Attempt,
  type AttemptReport,
  type Delivery,
  type DeliveryPage,
  type DeliveryStatus,
  type DeliveryTarget,
} from '../domain/deliveries.js';
import { badInput } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { deliveryKeys } from './keys.js';

/** The most records one source of a list reads for one request, however few match. */
export const DELIVERY_READ_CAP = 200;

export interface DeliveryQuery {
  status?: DeliveryStatus;
  articleId?: string;
  limit: number;
  cursor?: string;
}

/** A delivery record with the event it carries, which a redelivery sends again. */
export interface StoredDelivery extends Delivery {
  event: DomainEvent;
}

interface Source {
  index?: string;
  partitionAttr: string;
  sortAttr: string;
  partition: string;
  status?: DeliveryStatus;
}

type Position = string | null | false;

interface Fetched {
  items: Record<string, unknown>[];
  exhausted: boolean;
  /** The sort key down to which the source has been read, when it has more. */
  readTo?: string;
  /** True when the read cap, not a full page, stopped the source. */
  capped: boolean;
}

const SORT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([A-Za-z0-9:-]{1,230})#([A-Za-z0-9-]{1,64})$/;

/**
 * The delivery log in the articles table: one record per event and webhook target under the
 * article's `DELIVERY#` partition, sorted by the event's time, and in the `deliveries` index by
 * status. Records expire 7 days after their last change: `ttl` lets DynamoDB delete them, and
 * since it deletes late (and dynalite never), every read leaves expired records out and
 * `sweepExpired` deletes them where there is no TTL.
 */
export class DynamoDeliveryLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records each event as pending for each target, unless it already has a record. */
  async pending(events: readonly DomainEvent[], targets: readonly DeliveryTarget[], now: Date): Promise<void> {
    for (const event of events) {
      for (const target of targets) {
        try {
          await this.db.send(
            new PutCommand({
              TableName: this.tableName,
              Item: newRecord(event, target, now),
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          );
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }
    }
  }

  /**
   * Adds an attempt to its record, numbered after the last one, and sets the status from it.
   * Read, then written on the condition that nobody numbered an attempt in between.
   */
  async recordAttempt(report: AttemptReport, now: Date): Promise<Delivery> {
    const key = recordKey(report.event, report.target.id);
    for (let round = 0; ; round++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      const before = (Item as Record<string, unknown> | undefined) ?? newRecord(report.event, report.target, now);
      const previous = Number(before.attempts ?? 0);
      const attempt: Attempt = {
        attempt: previous + 1,
        at: report.at,
        ...(report.statusCode === undefined ? {} : { statusCode: report.statusCode }),
        ...(report.error === undefined ? {} : { error: report.error.slice(0, 300) }),
        latencyMs: Math.max(0, Math.round(report.latencyMs)),
      };
      const status: DeliveryStatus = attemptSucceeded(report) ? 'delivered' : 'failed';
      const item = {
        ...before,
        ...expiry(now),
        status,
        GSI5PK: deliveryKeys.statusPartition(status),
        attempts: attempt.attempt,
        recent: [...((before.recent as Attempt[] | undefined) ?? []), attempt].slice(-DELIVERY_ATTEMPTS_KEPT),
        updatedAt: now.toISOString(),
      };
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: item,
            ConditionExpression: Item ? 'attempts = :previous' : 'attribute_not_exists(PK)',
            ExpressionAttributeValues: Item ? { ':previous': previous } : undefined,
          }),
        );
        return toDelivery(item);
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException) || round >= 8) throw err;
      }
    }
  }

  /** Every unexpired record of one event (one per target), with the event. */
  async ofEvent(eventId: string, now: Date): Promise<StoredDelivery[]> {
    const articleId = articleIdOfEvent(eventId);
    if (!articleId) return [];
    const found: StoredDelivery[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          FilterExpression: 'eventId = :id AND expiresAt > :now',
          ExpressionAttributeValues: { ':pk': deliveryKeys.partition(articleId), ':id': eventId, ':now': now.getTime() },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) found.push({ ...toDelivery(item), event: JSON.parse(item.event as string) as DomainEvent });
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return found;
  }

  /**
   * Newest event first. With `articleId`, that article's records (optionally of one status);
   * with `status` alone, that status's partition of the index; with neither, the three status
   * partitions merged. The cursor names the query it belongs to and where each source stopped.
   */
  async list(query: DeliveryQuery, now: Date): Promise<DeliveryPage> {
    const sources = sourcesFor(query);
    const fingerprint = createHash('sha256')
      .update(JSON.stringify({ status: query.status ?? null, articleId: query.articleId ?? null }))
      .digest('base64url')
      .slice(0, 12);
    const positions = query.cursor ? decodeCursor(query.cursor, fingerprint, sources.length) : sources.map((): Position => null);
    const fetched: Fetched[] = await Promise.all(
      sources.map((s, i) =>
        positions[i] === false ? { items: [], exhausted: true, capped: false } : this.fetchAfter(s, positions[i] ?? null, query.limit, now),
      ),
    );
    // A source stopped by the read cap has not looked below where it stopped: nothing older is handed out yet.
    const cut = fetched.reduce<string | undefined>((c, f) => (f.capped && (c === undefined || f.readTo! > c) ? f.readTo : c), undefined);
    const merged = fetched
      .flatMap((f, source) => f.items.map((item) => ({ item, source, sort: item[sources[source]!.sortAttr] as string })))
      .filter((m) => cut === undefined || m.sort > cut)
      .sort((a, b) => (a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0))
      .slice(0, query.limit);
    const next = positions.map((p, source): Position => {
      const taken = merged.filter((m) => m.source === source);
      const f = fetched[source]!;
      if (taken.length === f.items.length) return f.exhausted ? false : (f.readTo ?? p);
      return taken.length === 0 ? p : taken.at(-1)!.sort;
    });
    return {
      items: merged.map((m) => toDelivery(m.item)),
      nextCursor: next.every((p) => p === false) ? null : Buffer.from(JSON.stringify({ q: fingerprint, p: next })).toString('base64url'),
    };
  }

  private async fetchAfter(source: Source, after: string | null, limit: number, now: Date): Promise<Fetched> {
    const items: Record<string, unknown>[] = [];
    let startKey = after ? startKeyFor(source, after) : undefined;
    let read = 0;
    const filters = ['expiresAt > :now', ...(source.status ? ['#status = :status'] : [])];
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: source.index,
          KeyConditionExpression: '#pk = :pk',
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: { '#pk': source.partitionAttr, ...(source.status ? { '#status': 'status' } : {}) },
          ExpressionAttributeValues: {
            ':pk': source.partition,
            ':now': now.getTime(),
            ...(source.status ? { ':status': source.status } : {}),
          },
          ScanIndexForward: false,
          // An article's records are read from the table itself, so they are current; an index cannot be.
          ConsistentRead: source.index ? undefined : true,
          Limit: Math.min(limit + 1, DELIVERY_READ_CAP - read),
          ExclusiveStartKey: startKey,
        }),
      );
      read += page.ScannedCount ?? 0;
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length <= limit && read < DELIVERY_READ_CAP);
    const more = items.length > limit;
    return {
      items: items.slice(0, limit),
      exhausted: !startKey && !more,
      readTo: more ? (items[limit - 1]![source.sortAttr] as string) : (startKey?.[source.sortAttr] as string | undefined),
      capped: startKey !== undefined && items.length < limit,
    };
  }

  /**
   * Deletes records that expired: what DynamoDB's TTL does in AWS, for a table without it.
   * A record expires 7 days after its last change, which is never before its event is 7 days
   * old, so only records of older events are read.
   */
  async sweepExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - DELIVERY_KEEP_MS).toISOString();
    let deleted = 0;
    for (const status of DELIVERY_STATUSES) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: deliveryKeys.index,
            KeyConditionExpression: 'GSI5PK = :pk AND GSI5SK < :cutoff',
            ExpressionAttributeValues: { ':pk': deliveryKeys.statusPartition(status), ':cutoff': cutoff },
            ExclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          if (Number(item.expiresAt) > now.getTime()) continue;
          try {
            await this.db.send(
              new DeleteCommand({
                TableName: this.tableName,
                Key: { PK: item.PK, SK: item.SK },
                ConditionExpression: 'expiresAt <= :now',
                ExpressionAttributeValues: { ':now': now.getTime() },
              }),
            );
            deleted++;
          } catch (err) {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    }
    return deleted;
  }
}

function recordKey(event: Pick<DomainEvent, 'articleId' | 'occurredAt' | 'id'>, targetId: string) {
  return { PK: deliveryKeys.partition(event.articleId), SK: deliveryKeys.sort(event.occurredAt, event.id, targetId) };
}

function expiry(now: Date) {
  const expiresAt = now.getTime() + DELIVERY_KEEP_MS;
  return { expiresAt, ttl: Math.ceil(expiresAt / 1000) };
}

function newRecord(event: DomainEvent, target: DeliveryTarget, now: Date): Record<string, unknown> {
  const key = recordKey(event, target.id);
  return {
    ...key,
    GSI5PK: deliveryKeys.statusPartition('pending'),
    GSI5SK: key.SK,
    eventId: event.id,
    eventType: event.type,
    articleId: event.articleId,
    occurredAt: event.occurredAt,
    targetId: target.id,
    origin: target.origin,
    status: 'pending',
    attempts: 0,
    recent: [],
    event: JSON.stringify(event),
    updatedAt: now.toISOString(),
    ...expiry(now),
  };
}

function toDelivery(item: Record<string, unknown>): Delivery {
  const recent = (item.recent as Attempt[] | undefined) ?? [];
  return {
    eventId: item.eventId as string,
    eventType: item.eventType as string,
    articleId: item.articleId as string,
    occurredAt: item.occurredAt as string,
    target: { id: item.targetId as string, origin: item.origin as string },
    status: item.status as DeliveryStatus,
    attempts: Number(item.attempts ?? 0),
    lastAttempt: recent.at(-1) ?? null,
    recentAttempts: recent,
    updatedAt: item.updatedAt as string,
    expiresAt: new Date(Number(item.expiresAt)).toISOString(),
  };
}

function sourcesFor(q: DeliveryQuery): Source[] {
  if (q.articleId) {
    return [{ partitionAttr: 'PK', sortAttr: 'SK', partition: deliveryKeys.partition(q.articleId), status: q.status }];
  }
  return (q.status ? [q.status] : DELIVERY_STATUSES).map((status) => ({
    index: deliveryKeys.index,
    partitionAttr: 'GSI5PK',
    sortAttr: 'GSI5SK',
    partition: deliveryKeys.statusPartition(status),
  }));
}

/** The full key to resume a query after the record whose sort key is `sort`. */
function startKeyFor(source: Source, sort: string): Record<string, unknown> {
  const eventId = SORT.exec(sort)![2]!;
  const base = { PK: deliveryKeys.partition(articleIdOfEvent(eventId)!), SK: sort };
  return source.index ? { ...base, GSI5PK: source.partition, GSI5SK: sort } : base;
}

function decodeCursor(cursor: string, fingerprint: string, count: number): Position[] {
  const invalid = () => badInput('/query/cursor', 'The cursor is not valid for this list of deliveries.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = parsed as { q?: unknown; p?: unknown } | null;
  if (!c || typeof c !== 'object' || c.q !== fingerprint || !Array.isArray(c.p) || c.p.length !== count) throw invalid();
  for (const p of c.p) {
    if (!(p === null || p === false || (typeof p === 'string' && SORT.test(p) && articleIdOfEvent(SORT.exec(p)![2]!)))) throw invalid();
  }
  return c.p as Position[];
}
