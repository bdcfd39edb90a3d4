import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DirectRedelivery } from '../../lambdas/adapters/direct-redelivery.js';
import { webhookOrigin } from '../../lambdas/adapters/webhook-publisher.js';
import type { Actor } from '../../lambdas/domain/article.js';
import type { DeliveryTarget } from '../../lambdas/domain/deliveries.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { localTargets } from '../../lambdas/store/delivery-recording.js';
import { listDeliveries, redeliverEvent, type DeliveryDeps } from '../../lambdas/usecases/deliveries.js';
import { startDynamo } from '../support/dynamo.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { submission } from '../support/delivery-events.js';
import { problemOf } from '../support/refusal.js';

const SECRET = 'delivery-usecases-secret';
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let receiver: WebhookReceiver;
let log: DynamoDeliveryLog;
let target: DeliveryTarget;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-delivery-usecases');
  receiver = await new WebhookReceiver(SECRET).start();
  log = new DynamoDeliveryLog(dynamo.db, dynamo.tableName);
  target = localTargets([receiver.url], webhookOrigin)[0]!;
});
afterAll(async () => {
  await receiver.stop();
  await dynamo.stop();
});

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const chief: Actor = { id: 'chloe', name: 'Chloe Chief', groups: ['chief-editors'] };

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

/** The API's dependencies, redelivering straight to the webhook URLs given (the local newsroom's way). */
const depsFor = (urls: string[] = [receiver.url]): DeliveryDeps => ({
  log,
  redelivery: new DirectRedelivery(urls, SECRET, log, noWarnings),
  now: () => new Date(),
});

const event = (articleId: string, version: number, at: Date) => submission(articleId, version, at);

/** An article of its own with `count` events, each pending delivery to the receiver, a second apart. */
async function articleWithEvents(count: number) {
  const articleId = randomUUID();
  const start = Date.now() - 3600_000;
  const events = Array.from({ length: count }, (_, i) => event(articleId, i + 1, new Date(start + i * 1000)));
  await log.pending(events, [target], new Date());
  return { articleId, events };
}

const limitError = (words: string) => ({
  status: 400,
  title: 'Bad Request',
  detail: expect.stringContaining(words),
  errors: [{ pointer: '/query/limit', message: expect.stringContaining(words) }],
});

describe('reading the delivery log', () => {
  it('is for editors and chief editors; a reporter gets a 403 before the query is even read', async () => {
    const { articleId, events } = await articleWithEvents(1);
    for (const desk of [eddie, chief]) {
      const page = await listDeliveries(depsFor(), desk, { articleId });
      expect(page.items.map((d) => [d.eventId, d.target.id, d.status])).toEqual([[events[0]!.id, '1', 'pending']]);
    }
    for (const query of [{ articleId }, { limit: 'lots' }]) {
      expect(await problemOf(listDeliveries(depsFor(), rita, query))).toEqual({
        status: 403,
        title: 'Forbidden',
        detail: 'Only editors and chief editors may read the delivery log.',
      });
    }
    expect(await problemOf(listDeliveries(depsFor(), { id: 'x', name: 'X', groups: [] }, { articleId }))).toMatchObject({ status: 403 });
  });

  it('gives 20 records a page unless asked for between 1 and 100, newest event first', async () => {
    const { articleId, events } = await articleWithEvents(25);
    const newestFirst = events.map((e) => e.id).reverse();

    const first = await listDeliveries(depsFor(), eddie, { articleId });
    expect(first.items.map((d) => d.eventId)).toEqual(newestFirst.slice(0, 20));
    const rest = await listDeliveries(depsFor(), eddie, { articleId, cursor: first.nextCursor! });
    expect(rest.items.map((d) => d.eventId)).toEqual(newestFirst.slice(20));
    expect(rest.nextCursor).toBeNull();

    expect((await listDeliveries(depsFor(), eddie, { articleId, limit: '1' })).items.map((d) => d.eventId)).toEqual(
      newestFirst.slice(0, 1),
    );
    expect((await listDeliveries(depsFor(), eddie, { articleId, limit: '23' })).items).toHaveLength(23);
    expect((await listDeliveries(depsFor(), eddie, { articleId, limit: '100' })).items).toHaveLength(25);

    for (const limit of ['0', '101', '999']) {
      expect(await problemOf(listDeliveries(depsFor(), eddie, { articleId, limit }))).toEqual(limitError('between 1 and 100'));
    }
    expect(await problemOf(listDeliveries(depsFor(), eddie, { articleId, limit: '2.5' }))).toEqual(limitError('whole number'));
  });

  it('narrows the list to one status', async () => {
    const { articleId, events } = await articleWithEvents(3);
    await log.recordAttempt({ event: events[1]!, target, statusCode: 204, latencyMs: 5, at: new Date().toISOString() }, new Date());
    const delivered = await listDeliveries(depsFor(), eddie, { articleId, status: 'delivered' });
    expect(delivered.items.map((d) => d.eventId)).toEqual([events[1]!.id]);
    const pending = await listDeliveries(depsFor(), eddie, { articleId, status: 'pending' });
    expect(pending.items.map((d) => d.eventId)).toEqual([events[2]!.id, events[0]!.id]);
    expect(await problemOf(listDeliveries(depsFor(), eddie, { articleId, status: 'lost' }))).toMatchObject({
      status: 400,
      errors: [{ pointer: '/query/status' }],
    });
  });
});

describe('redelivering an event', () => {
  it('sends the event again to each target the log has it for, as the chief editor asks, and logs the attempt', async () => {
    const { articleId, events } = await articleWithEvents(2);
    const before = receiver.received.length;
    const result = await redeliverEvent(depsFor(), chief, events[0]!.id);
    expect(result).toEqual({ eventId: events[0]!.id, targets: [target] });

    const arrived = receiver.received.slice(before);
    expect(arrived.map((r) => [r.id, r.signatureValid])).toEqual([[events[0]!.id, true]]);
    const page = await listDeliveries(depsFor(), chief, { articleId });
    expect(page.items.map((d) => [d.eventId, d.status, d.attempts])).toEqual([
      [events[1]!.id, 'pending', 0],
      [events[0]!.id, 'delivered', 1],
    ]);
  });

  it('is a 404 for an event the log does not have, and for a reporter, who may not read the log', async () => {
    const { events } = await articleWithEvents(1);
    const notInLog = { status: 404, title: 'Not Found', detail: 'No delivery of this event is in the log (it is kept for 7 days).' };
    const before = receiver.attempts;
    expect(await problemOf(redeliverEvent(depsFor(), chief, `${randomUUID()}:1:ArticleSubmitted`))).toEqual(notInLog);
    expect(await problemOf(redeliverEvent(depsFor(), chief, 'not an event id'))).toEqual(notInLog);
    expect(await problemOf(redeliverEvent(depsFor(), rita, events[0]!.id))).toEqual(notInLog);
    expect(receiver.attempts).toBe(before);
  });

  it('is a 403 for an editor, who reads the log but may not redeliver', async () => {
    const { articleId, events } = await articleWithEvents(1);
    const before = receiver.attempts;
    expect(await problemOf(redeliverEvent(depsFor(), eddie, events[0]!.id))).toEqual({
      status: 403,
      title: 'Forbidden',
      detail: 'Only chief editors may redeliver events.',
    });
    expect(receiver.attempts).toBe(before);
    expect((await listDeliveries(depsFor(), eddie, { articleId })).items.map((d) => d.attempts)).toEqual([0]);
  });

  it('is a 409 when none of the event’s targets is configured any more', async () => {
    const { events } = await articleWithEvents(1);
    const before = receiver.attempts;
    expect(await problemOf(redeliverEvent(depsFor(['https://elsewhere.example.com/hooks']), chief, events[0]!.id))).toEqual({
      status: 409,
      title: 'Conflict',
      detail: 'None of the webhook targets this event went to is configured any more.',
    });
    expect(receiver.attempts).toBe(before);
  });
});
