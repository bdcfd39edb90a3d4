import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DirectRedelivery } from '../../lambdas/adapters/direct-redelivery.js';
import { webhookOrigin } from '../../lambdas/adapters/webhook-publisher.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { localTargets } from '../../lambdas/store/delivery-recording.js';
import { startDynamo } from '../support/dynamo.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { submission } from '../support/delivery-events.js';

const SECRET = 'direct-redelivery-secret';
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let first: WebhookReceiver;
let second: WebhookReceiver;
let log: DynamoDeliveryLog;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-direct-redelivery');
  first = await new WebhookReceiver(SECRET).start();
  second = await new WebhookReceiver(SECRET).start();
  log = new DynamoDeliveryLog(dynamo.db, dynamo.tableName);
});
afterAll(async () => {
  await first.stop();
  await second.stop();
  await dynamo.stop();
});

const noWarnings = (message: string) => {
  throw new Error(`unexpected warning: ${message}`);
};

describe('redelivering straight to the configured webhook URLs', () => {
  it('logs the attempt under the target it was asked for, the second URL as target 2', async () => {
    const urls = [first.url, second.url];
    const [, two] = localTargets(urls, webhookOrigin);
    const event = submission(randomUUID(), 2, new Date(Date.now() - 60_000));
    await log.pending([event], [two!], new Date());

    const sent = await new DirectRedelivery(urls, SECRET, log, noWarnings).redeliver(event, [two!]);

    expect(sent).toEqual([{ id: '2', origin: `http://127.0.0.1:${second.port}` }]);
    expect(second.of(event.articleId).map((r) => r.id)).toEqual([event.id]);
    expect(first.of(event.articleId)).toEqual([]);
    const records = await log.ofEvent(event.id, new Date());
    expect(records.map((r) => ({ target: r.target, status: r.status, attempts: r.attempts }))).toEqual([
      { target: { id: '2', origin: `http://127.0.0.1:${second.port}` }, status: 'delivered', attempts: 1 },
    ]);
  });

  it('skips a target whose position now holds another origin, even if another position has that origin', async () => {
    const urls = [first.url, second.url];
    const event = submission(randomUUID(), 2, new Date(Date.now() - 60_000));
    // Target 2 was recorded when position 2 pointed at the first receiver's origin.
    const moved = { id: '2', origin: `http://127.0.0.1:${first.port}` };

    const sent = await new DirectRedelivery(urls, SECRET, log, noWarnings).redeliver(event, [moved]);

    expect(sent).toEqual([]);
    expect(first.of(event.articleId)).toEqual([]);
    expect(second.of(event.articleId)).toEqual([]);
  });
});
