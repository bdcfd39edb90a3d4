import type { DeliveryTarget } from '../domain/deliveries.js';
import type { DomainEvent } from '../domain/events.js';
import type { Redelivery } from '../usecases/deliveries.js';
import type { DynamoDeliveryLog } from '../store/delivery-log.js';
import { attemptRecorder, localTargets, type Warn } from '../store/delivery-recording.js';
import { WebhookPublisher, webhookOrigin } from './webhook-publisher.js';

/**
 * Redelivery in the local newsroom: straight to each target, signed as ever, through a
 * publisher of its own (the dispatcher's remembers what it already delivered), with every
 * attempt logged. A target still counts as the same one while its position in
 * NEWSROOM_WEBHOOK_URLS and its origin are unchanged.
 */
export class DirectRedelivery implements Redelivery {
  constructor(
    private readonly urls: readonly string[],
    private readonly secret: string | undefined,
    private readonly log: Pick<DynamoDeliveryLog, 'recordAttempt'>,
    private readonly warn: Warn,
  ) {}

  async redeliver(event: DomainEvent, targets: readonly DeliveryTarget[]): Promise<DeliveryTarget[]> {
    const configured = localTargets(this.urls, webhookOrigin);
    const sent: DeliveryTarget[] = [];
    for (const target of targets) {
      const i = configured.findIndex((c) => c.id === target.id && c.origin === target.origin);
      if (i < 0) continue;
      const publisher = new WebhookPublisher([this.urls[i]!], this.secret, { onAttempt: attemptRecorder(this.log, [target], this.warn) });
      // A failure is in the log as a failed attempt; a redelivery is not retried.
      await publisher.publish([event]).catch(() => undefined);
      sent.push(target);
    }
    return sent;
  }
}
