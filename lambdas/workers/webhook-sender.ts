import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { documentClient, tableName } from '../store/clients.js';
import { requireEnv } from '../store/config.js';
import { DynamoDeliveryLog } from '../store/delivery-log.js';
import { attemptRecorder } from '../store/delivery-recording.js';
import { WebhookPublisher, webhookOrigin } from '../adapters/webhook-publisher.js';
import { deliverInOrder } from './webhook-batch.js';

const logger = new Logger({ serviceName: 'newsroom-webhooks' });
const url = requireEnv('WEBHOOK_URL');
const secretName = requireEnv('WEBHOOK_SECRET_NAME');
const origin = webhookOrigin(url);
/** The target as the delivery log names it: its name in the `webhooks` setting, and its origin. */
const target = { id: requireEnv('WEBHOOK_NAME'), origin };
const deliveryLog = new DynamoDeliveryLog(documentClient, tableName);
const secrets = new SecretsManagerClient({});
let publisher: Promise<WebhookPublisher> | undefined;

/** The signing secret is read once per instance; a failed read is tried again on the next batch. */
function webhookPublisher(): Promise<WebhookPublisher> {
  if (!publisher) {
    publisher = secrets.send(new GetSecretValueCommand({ SecretId: secretName })).then((s) => {
      // A target configured with a secret is never sent unsigned deliveries.
      if (!s.SecretString) throw new Error(`the secret ${secretName} has no string value to sign with`);
      return new WebhookPublisher([url], s.SecretString, {
        onAttempt: attemptRecorder(deliveryLog, [target], (message, extra) => logger.warn(message, extra)),
      });
    });
    publisher.catch(() => (publisher = undefined));
  }
  return publisher;
}

/**
 * One webhook target's sender, fed by its FIFO queue: posts each article's events in order, signed
 * exactly as the local newsroom signs them, and reports what failed so SQS retries only that.
 */
export const handler = async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
  if (context) logger.addContext(context);
  const result = await deliverInOrder(event.Records, await webhookPublisher(), (failed, receiveCount, err) =>
    logger.warn('webhook delivery failed; the queue retries it', { eventId: failed.id, origin, receiveCount, error: String(err) }),
  );
  logger.info('webhook batch sent', { origin, messages: event.Records.length, failed: result.batchItemFailures.length });
  return result;
};
