import { Logger } from '@aws-lambda-powertools/logger';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DomainEvent } from '../domain/events.js';
import { WebhookPublisher } from '../store/webhook-publisher.js';

const logger = new Logger({ serviceName: 'newsroom-webhooks' });
const secrets = new SecretsManagerClient({});
const signingKeys = new Map<string, Promise<string>>();

/** What a webhook rule hands the sender: where to post, which secret signs it, and the event. */
export interface WebhookDelivery {
  url: string;
  secretName: string;
  event: DomainEvent;
}

function signingKey(secretName: string): Promise<string> {
  let key = signingKeys.get(secretName);
  if (!key) {
    key = secrets.send(new GetSecretValueCommand({ SecretId: secretName })).then((s) => s.SecretString ?? '');
    key.catch(() => signingKeys.delete(secretName));
    signingKeys.set(secretName, key);
  }
  return key;
}

/**
 * Posts one event to one subscriber exactly as the local newsroom does: the same headers and
 * the same `X-Newsroom-Signature` HMAC. A failure throws, so EventBridge retries, then dead-letters.
 */
export const handler = async (delivery: WebhookDelivery): Promise<void> => {
  const publisher = new WebhookPublisher([delivery.url], await signingKey(delivery.secretName));
  await publisher.publish([delivery.event]);
  logger.info('webhook delivered', { eventId: delivery.event.id, host: new URL(delivery.url).host });
};
