import type { Logger } from '@aws-lambda-powertools/logger';
import type { DomainEvent } from '../domain/events.js';
import { isHistoryEvent } from '../domain/workflow.js';
import type { EventPublisher, Outbox, OutboxEntry } from '../usecases/ports.js';

export type DispatchLogger = Pick<Logger, 'warn'>;

/**
 * Delivers an article's pending events in version order, records them in its history and
 * acknowledges them. Safe to run twice for the same article: delivery is at least once,
 * history writes are idempotent and acknowledgement is conditional on the event ids.
 */
export async function dispatchArticle(outbox: Outbox, publisher: EventPublisher, articleId: string): Promise<number> {
  const pending = await outbox.pendingEvents(articleId);
  if (pending.length > 0) {
    await publisher.publish(pending.map(envelope));
    for (const entry of pending) if (isHistoryEvent(entry.type)) await outbox.recordHistory(entry);
    // CommentAdded and the note of a request-changes become comment items, before they leave the outbox.
    for (const entry of pending) await outbox.recordComment(entry);
  }
  await outbox.acknowledge(articleId, pending);
  return pending.length;
}

/** The event as subscribers receive it, without the outbox's bookkeeping. */
export function envelope(entry: OutboxEntry): DomainEvent {
  const { seq: _seq, ...event } = entry;
  return event;
}

/**
 * Drains every article with pending events, a few at a time. An article whose delivery
 * fails is retried with exponential backoff and does not hold back the others.
 */
export class OutboxDrainer {
  private readonly retry = new Map<string, { attempts: number; notBefore: number }>();

  constructor(
    private readonly outbox: Outbox,
    private readonly publisher: EventPublisher,
    private readonly logger: DispatchLogger,
    private readonly options = { batch: 100, concurrency: 8, baseDelayMs: 250, maxDelayMs: 30_000 },
  ) {}

  /** Returns the number of events delivered, and when the next retry is due (if any). */
  async drainOnce(now = Date.now()): Promise<{ delivered: number; nextRetryAt?: number }> {
    const ids = await this.outbox.articlesWithPendingEvents(this.options.batch);
    const due = ids.filter((id) => (this.retry.get(id)?.notBefore ?? 0) <= now);
    let delivered = 0;
    const queue = [...due];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        try {
          delivered += await dispatchArticle(this.outbox, this.publisher, id);
          this.retry.delete(id);
        } catch (err) {
          const attempts = (this.retry.get(id)?.attempts ?? 0) + 1;
          const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1));
          this.retry.set(id, { attempts, notBefore: Date.now() + delay });
          this.logger.warn('event delivery failed; will retry', { articleId: id, attempts, retryInMs: delay, error: String(err) });
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    const pendingRetries = ids.map((id) => this.retry.get(id)?.notBefore).filter((t): t is number => t !== undefined);
    for (const id of this.retry.keys()) if (!ids.includes(id)) this.retry.delete(id);
    return { delivered, nextRetryAt: pendingRetries.length ? Math.min(...pendingRetries) : undefined };
  }
}
