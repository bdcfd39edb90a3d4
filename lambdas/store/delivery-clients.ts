import { SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryDeps } from '../usecases/deliveries.js';
import { documentClient, tableName } from './clients.js';
import { DynamoDeliveryLog } from './delivery-log.js';
import { QueueRedelivery, targetQueues } from '../adapters/queue-redelivery.js';

/** Wiring for the deliveries function: the log, and each webhook target's queue for redelivery. */
export const deliveryLog = new DynamoDeliveryLog(documentClient, tableName);
export const deliveryDeps: DeliveryDeps = {
  log: deliveryLog,
  redelivery: new QueueRedelivery(new SQSClient({}), targetQueues(process.env.WEBHOOK_TARGETS)),
  now: () => new Date(),
};
