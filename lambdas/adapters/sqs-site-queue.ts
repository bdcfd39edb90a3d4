import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';
import { SITE_EVENT_TYPES, type FrontPageRequests, type SiteMessage } from '../usecases/site-ports.js';

/** SendMessageBatch takes at most ten entries. */
const BATCH = 10;

/** The message group of front-page renders: one at a time, in the order they were asked for. */
export const FRONT_PAGE_GROUP = 'front-page';

type Entry = { body: SiteMessage; group: string; dedup: string };

/**
 * The site renderer's FIFO queue. Events that change what readers see go in their article's
 * message group (so one article renders in version order while others go on), deduplicated by
 * event id; front-page requests go in the group `front-page`, deduplicated by their time.
 * Our own send, not an EventBridge rule: a rule's SQS FIFO target takes one fixed MessageGroupId
 * (EventBridge API reference, SqsParameters), which would put every article in a single line.
 */
export class SiteQueue implements EventPublisher, FrontPageRequests {
  constructor(
    private readonly client: Pick<SQSClient, 'send'>,
    private readonly queueUrl: string,
  ) {}

  publish(events: readonly DomainEvent[]): Promise<void> {
    return this.send(
      events
        .filter((e) => SITE_EVENT_TYPES.includes(e.type))
        .map((e) => ({ body: { kind: 'article', articleId: e.articleId, version: e.version }, group: e.articleId, dedup: e.id })),
    );
  }

  request(requestedAt: string): Promise<void> {
    return this.send([{ body: { kind: 'front', requestedAt }, group: FRONT_PAGE_GROUP, dedup: `front:${requestedAt}` }]);
  }

  private async send(entries: Entry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      // Within one batch a FIFO queue enqueues the entries in the order they are listed.
      const out = await this.client.send(
        new SendMessageBatchCommand({
          QueueUrl: this.queueUrl,
          Entries: batch.map((e, n) => ({
            Id: String(n),
            MessageBody: JSON.stringify(e.body),
            MessageGroupId: e.group,
            MessageDeduplicationId: e.dedup,
          })),
        }),
      );
      // A batch can half succeed with a 200: anything refused fails the call, which is retried as
      // a whole (what was accepted is deduplicated by its id for five minutes).
      if (out.Failed?.length) {
        throw new Error(`site queue refused ${out.Failed.map((f) => `${batch[Number(f.Id)]?.dedup ?? f.Id} (${f.Code})`).join(', ')}`);
      }
    }
  }
}
