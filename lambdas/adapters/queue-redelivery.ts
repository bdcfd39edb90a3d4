import { randomUUID } from 'node:crypto';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryTarget } from '../domain/deliveries.js';
import type { DomainEvent } from '../domain/events.js';
import type { Redelivery } from '../usecases/deliveries.js';

export interface TargetQueue {
  /** The webhook's name in the `webhooks` setting: the target's id in the delivery log. */
  name: string;
  /** Scheme, host and port of its URL: what the log shows of it. */
  origin: string;
  queueUrl: string;
}

/**
 * Redelivery in AWS: the event goes back into each target's FIFO queue, behind anything of its
 * article still waiting there, and its sender posts it signed as ever, with the same
 * `webhook-id`. The message needs a deduplication id of its own: SQS drops, for five minutes, a
 * message whose id it has seen, and the event id is the original message's.
 */
export class QueueRedelivery implements Redelivery {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queues: readonly TargetQueue[],
    private readonly newId: () => string = randomUUID,
  ) {}

  async redeliver(event: DomainEvent, targets: readonly DeliveryTarget[]): Promise<DeliveryTarget[]> {
    const sent: DeliveryTarget[] = [];
    for (const target of targets) {
      const queue = this.queues.find((q) => q.name === target.id);
      if (!queue) continue;
      await this.client.send(
        new SendMessageCommand({
          QueueUrl: queue.queueUrl,
          MessageBody: JSON.stringify(event),
          MessageGroupId: event.articleId,
          MessageDeduplicationId: `redelivery-${this.newId()}`,
        }),
      );
      sent.push(target);
    }
    return sent;
  }
}

/** The webhook targets named in the environment (`WEBHOOK_TARGETS`): a JSON list of `{ name, origin, queueUrl }`, or nothing. */
export function targetQueues(raw: string | undefined): TargetQueue[] {
  if (!raw) return [];
  const list = JSON.parse(raw) as unknown;
  if (
    !Array.isArray(list) ||
    !list.every(
      (q: Partial<TargetQueue>) =>
        typeof q?.name === 'string' && typeof q.origin === 'string' && typeof q.queueUrl === 'string' && /^https:\/\//.test(q.queueUrl),
    )
  ) {
    throw new Error('WEBHOOK_TARGETS must be a JSON list of { name, origin, queueUrl }');
  }
  return list as TargetQueue[];
}
