import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/** SendMessageBatch takes at most ten entries. */
const BATCH = 10;

/**
 * Hands one article's events, in version order, to the FIFO queue of every webhook target.
 * The message group is the article, so SQS releases each article's events one after another
 * and never holds one article back for another; the deduplication id is the event id, so a
 * dispatcher that sends the same events again within SQS's five-minute window adds nothing.
 */
export class WebhookQueues implements EventPublisher {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queueUrls: readonly string[],
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const queueUrl of this.queueUrls) {
      for (let i = 0; i < events.length; i += BATCH) {
        const batch = events.slice(i, i + BATCH);
        // Within one batch a FIFO queue enqueues the entries in the order they are listed.
        const out = await this.client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: batch.map((event, n) => ({
              Id: String(n),
              MessageBody: JSON.stringify(event),
              MessageGroupId: event.articleId,
              MessageDeduplicationId: event.id,
            })),
          }),
        );
        // A batch can half succeed with a 200: anything refused fails the dispatch, which is retried
        // as a whole (the entries already accepted are deduplicated by their event id).
        if (out.Failed?.length) {
          const refused = out.Failed.map((f) => `${batch[Number(f.Id)]?.id ?? f.Id} (${f.Code})`).join(', ');
          throw new Error(`webhook queue refused ${refused}`);
        }
      }
    }
  }
}

/** The queues named in the dispatcher's environment: a JSON list of queue URLs, or nothing. */
export function webhookQueueUrls(raw: string | undefined): string[] {
  if (!raw) return [];
  const urls = JSON.parse(raw) as unknown;
  if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string' && /^https:\/\//.test(u))) {
    throw new Error('WEBHOOK_QUEUE_URLS must be a JSON list of SQS queue URLs');
  }
  return urls;
}
