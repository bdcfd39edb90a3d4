import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { webhookOrigin } from '../../lambdas/adapters/webhook-publisher.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { attemptRecorder, localTargets, PendingDeliveries } from '../../lambdas/store/delivery-recording.js';
import type { EventPublisher } from '../../lambdas/usecases/ports.js';
import { ensureTable } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  dynamo = await startDynamo('newsroom-pending-deliveries');
});
afterAll(() => dynamo.stop());

async function freshTable() {
  const name = `deliveries-${randomUUID()}`;
  await ensureTable(dynamo.endpoint, name);
  return name;
}

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const CMS = { id: '1', origin: 'https://cms.example.com' };

const event = (articleId: string, version: number) => submission(articleId, version, new Date(T0 + version * 60_000));

class Delivered implements EventPublisher {
  readonly ids: string[] = [];
  async publish(events: readonly DomainEvent[]) {
    this.ids.push(...events.map((e) => e.id));
  }
}

describe('webhook targets and their delivery records', () => {
  it('the local newsroom numbers its webhook targets from 1 in configured order, by origin only', () => {
    expect(localTargets(['https://cms.example.com/hooks/a?k=1', 'http://wire.example.org:8080/in'], webhookOrigin)).toEqual([
      { id: '1', origin: 'https://cms.example.com' },
      { id: '2', origin: 'http://wire.example.org:8080' },
    ]);
    expect(localTargets([], webhookOrigin)).toEqual([]);
  });

  it('an attempt at a URL the targets do not name is recorded under its position from 1 and its origin', async () => {
    const log = new DynamoDeliveryLog(dynamo.db, await freshTable());
    const e = event(`art-${randomUUID()}`, 2);
    const warnings: unknown[] = [];
    const record = attemptRecorder(log, [CMS], (...w) => warnings.push(w));
    await record({
      event: e,
      eventId: e.id,
      articleId: e.articleId,
      target: 'https://wire.example.org',
      targetIndex: 2,
      attempt: 1,
      status: 204,
      latencyMs: 4,
      at: e.occurredAt,
    });
    expect(warnings).toEqual([]);
    expect((await log.ofEvent(e.id, new Date())).map((d) => ({ target: d.target, status: d.status, attempts: d.attempts }))).toEqual([
      { target: { id: '3', origin: 'https://wire.example.org' }, status: 'delivered', attempts: 1 },
    ]);
  });
});

describe('marking events as pending before delivery', () => {
  it('marks each event once per process: an event marked already is not written again', async () => {
    const table = await freshTable();
    const log = new DynamoDeliveryLog(dynamo.db, table);
    const warnings: [string, Record<string, unknown>][] = [];
    const inner = new Delivered();
    const publisher = new PendingDeliveries(inner, log, [CMS], (message, extra) => warnings.push([message, extra]));
    const articleId = `art-${randomUUID()}`;
    const [a, b] = [event(articleId, 2), event(articleId, 3)];
    await publisher.publish([a]);
    expect((await log.ofEvent(a.id, new Date())).map((d) => [d.target.id, d.status])).toEqual([['1', 'pending']]);

    // With the log gone, only an event not marked before needs a write, and only its failure is told.
    await dynamo.db.send(new DeleteTableCommand({ TableName: table }));
    await publisher.publish([a]);
    expect(warnings).toEqual([]);
    await publisher.publish([a, b]);
    expect(inner.ids).toEqual([a.id, a.id, a.id, b.id]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]![0]).toBe('events were not recorded as pending delivery');
    expect(warnings[0]![1]).toEqual({ eventIds: [b.id], error: expect.stringMatching(/ResourceNotFound/) });
  });
});
