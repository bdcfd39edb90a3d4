import type { DeliveryTarget } from '../domain/deliveries.js';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';
import type { DynamoDeliveryLog } from './delivery-log.js';
import type { WebhookAttempt } from '../adapters/webhook-publisher.js';

export type Warn = (message: string, extra: Record<string, unknown>) => void;

/**
 * Records each attempt a WebhookPublisher makes in the delivery log; `targets` names the
 * publisher's URLs, in order. The log is an account of delivery, never a condition of it: a
 * record that cannot be written is logged, and delivery carries on.
 */
export function attemptRecorder(log: Pick<DynamoDeliveryLog, 'recordAttempt'>, targets: readonly DeliveryTarget[], warn: Warn) {
  return async (a: WebhookAttempt): Promise<void> => {
    const target = targets[a.targetIndex] ?? { id: String(a.targetIndex + 1), origin: a.target };
    try {
      await log.recordAttempt(
        { event: a.event, target, statusCode: a.status, error: a.error, latencyMs: a.latencyMs, at: a.at },
        new Date(),
      );
    } catch (err) {
      warn('a delivery attempt was not recorded', { eventId: a.event.id, target: target.id, error: String(err) });
    }
  };
}

/**
 * Marks events as pending for every webhook target before handing them on, so the log shows
 * what waits behind a failing event as well as what was tried. Each event is marked once per
 * process; the store keeps a record that exists as it is.
 */
export class PendingDeliveries implements EventPublisher {
  private readonly marked = new Set<string>();

  constructor(
    private readonly inner: EventPublisher,
    private readonly log: Pick<DynamoDeliveryLog, 'pending'>,
    private readonly targets: readonly DeliveryTarget[],
    private readonly warn: Warn,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    await this.mark(events);
    await this.inner.publish(events);
  }

  /** Records the events as pending for every target (once per process); a failure is logged, never thrown. */
  async mark(events: readonly DomainEvent[]): Promise<void> {
    const fresh = events.filter((e) => !this.marked.has(e.id));
    if (fresh.length > 0 && this.targets.length > 0) {
      try {
        await this.log.pending(fresh, this.targets, new Date());
        for (const e of fresh) this.marked.add(e.id);
        while (this.marked.size > 10_000) this.marked.delete(this.marked.values().next().value!);
      } catch (err) {
        this.warn('events were not recorded as pending delivery', { eventIds: fresh.map((e) => e.id), error: String(err) });
      }
    }
  }
}

/** The local newsroom's webhook targets: by their position in NEWSROOM_WEBHOOK_URLS (from 1), and their origin. */
export function localTargets(urls: readonly string[], originOf: (url: string) => string): DeliveryTarget[] {
  return urls.map((url, i) => ({ id: String(i + 1), origin: originOf(url) }));
}
