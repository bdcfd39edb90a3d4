import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Context, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { SiteQueue } from '../adapters/sqs-site-queue.js';
import { documentClient, tableName } from '../store/clients.js';
import { requireEnv } from '../store/config.js';
import { DynamoDeliveryLog } from '../store/delivery-log.js';
import { PendingDeliveries } from '../store/delivery-recording.js';
import { EventBridgePublisher } from '../adapters/eventbridge-publisher.js';
import { articleIdFromKey } from '../store/keys.js';
import { DynamoOutbox } from '../store/outbox-store.js';
import { targetQueues } from '../adapters/queue-redelivery.js';
import { FanOut, ScheduleKeeper } from '../adapters/schedule-keeper.js';
import { WebhookQueues, webhookQueueUrls } from '../adapters/webhook-queues.js';
import type { EventPublisher } from '../usecases/ports.js';
import { dispatchArticle, OutboxDrainer } from './dispatch.js';

const logger = new Logger({ serviceName: 'newsroom-dispatcher' });
const metrics = new Metrics({ namespace: 'Newsroom', serviceName: 'dispatcher' });
const outbox = new DynamoOutbox(documentClient, tableName);
const sqs = new SQSClient({});
const siteQueueUrl = process.env.SITE_QUEUE_URL;
// Schedules follow the events first, so a scheduled article has its timer before anyone hears of it.
const fanOut = new FanOut([
  new ScheduleKeeper(new SchedulerClient({}), {
    groupName: requireEnv('SCHEDULE_GROUP_NAME'),
    publisherArn: requireEnv('PUBLISHER_ARN'),
    invokeRoleArn: requireEnv('SCHEDULER_ROLE_ARN'),
    deadLetterArn: requireEnv('SCHEDULE_DLQ_ARN'),
  }),
  new EventBridgePublisher(new EventBridgeClient({}), requireEnv('EVENT_BUS_NAME')),
  // Webhooks get each article's events in order through one FIFO queue per target; the delivery
  // log shows them pending until their first attempt.
  new PendingDeliveries(
    new WebhookQueues(sqs, webhookQueueUrls(process.env.WEBHOOK_QUEUE_URLS)),
    new DynamoDeliveryLog(documentClient, tableName),
    targetQueues(process.env.WEBHOOK_TARGETS).map((t) => ({ id: t.name, origin: t.origin })),
    (message, extra) => logger.warn(message, extra),
  ),
  // The public site's renderer hears what changes the site, each article in order (its FIFO queue).
  ...(siteQueueUrl ? [new SiteQueue(sqs, siteQueueUrl)] : []),
]);
/** Records how long each event took from its transition to the bus: the DeliveryLag alarm watches it. */
const publisher: EventPublisher = {
  async publish(events) {
    await fanOut.publish(events);
    for (const e of events) metrics.addMetric('DeliveryLag', MetricUnit.Milliseconds, Date.now() - Date.parse(e.occurredAt));
  },
};
const drainer = new OutboxDrainer(outbox, publisher, logger);

/**
 * Woken by the table's stream for items with pending events, and by a timer as a sweep.
 * A stream batch that fails is retried (and bisected) by Lambda; nothing is acknowledged
 * until it is delivered.
 */
export const handler = async (event: DynamoDBStreamEvent | ScheduledEvent, context?: Context): Promise<void> => {
  // This function's own context on its lines, and nothing left from an earlier invocation.
  if (context) logger.addContext(context);
  try {
    if ('Records' in event) {
      const ids = new Set<string>();
      for (const record of event.Records) {
        const id = articleIdFromKey(record.dynamodb?.Keys?.PK?.S);
        if (id) ids.add(id);
      }
      for (const id of ids) {
        try {
          await dispatchArticle(outbox, publisher, id);
        } catch (err) {
          logger.warn('dispatch failed; the stream retries the batch', { articleId: id, error: String(err) });
          throw err;
        }
      }
      logger.info('stream batch dispatched', { articles: ids.size });
      return;
    }
    const { delivered } = await drainer.drainOnce();
    logger.info('sweep done', { delivered });
  } finally {
    metrics.publishStoredMetrics();
  }
};
