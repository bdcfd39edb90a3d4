import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from '../../lambdas/domain/deliveries.js';
import { DynamoDeliveryLog, type DeliveryQuery } from '../../lambdas/store/delivery-log.js';
import { ensureTable } from '../../local/storage.js';
import { submission } from './delivery-events.js';

export const DAY = 24 * 3600 * 1000;
/** The moment the tests' deliveries are counted from. */
export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const CMS = { id: 'cms', origin: 'https://cms.example.com' };
export const WIRE = { id: 'wire', origin: 'https://wire.example.org' };

export const at = (ms: number) => new Date(ms);

/** A submission of `articleId` at `version`, made `minute` minutes after T0. */
export const event = (articleId: string, version: number, minute: number) => submission(articleId, version, new Date(T0 + minute * 60_000));

/** A delivery log on a table of its own: lists without an article read the whole log. */
export async function freshLog(endpoint: string, db: DynamoDBDocumentClient) {
  const name = `deliveries-${randomUUID()}`;
  await ensureTable(endpoint, name);
  return new DynamoDeliveryLog(db, name);
}

/** Every page of a query, following its cursors (fewer than `maxPages`, or the walk fails). */
export async function walk(log: DynamoDeliveryLog, query: Omit<DeliveryQuery, 'cursor'>, now: Date, maxPages: number) {
  const pages: Delivery[][] = [];
  let cursor: string | undefined;
  do {
    const page = await log.list({ ...query, cursor }, now);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    expect(pages.length).toBeLessThan(maxPages);
  } while (cursor);
  return pages;
}
