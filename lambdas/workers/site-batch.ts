import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import { FRONT_PAGE_GROUP } from '../adapters/sqs-site-queue.js';
import type { DomainEvent } from '../domain/events.js';
import type { SiteMessage } from '../usecases/site-ports.js';
import { deliverInOrder } from './webhook-batch.js';

export { FRONT_PAGE_GROUP };

/**
 * Handles a batch from the site's FIFO queue in the order SQS handed it over: a failed message and
 * the later ones of its group are reported failed (and received again, still in order), other
 * groups go on. The front-page requests of one batch are one render: the last one reads the index
 * after all of them were made.
 */
export function renderInOrder(
  records: readonly SQSRecord[],
  handle: (message: SiteMessage) => Promise<void>,
  onFailure: (messageId: string, receiveCount: number, err: unknown) => void,
): Promise<SQSBatchResponse> {
  const fronts = records.filter((r) => r.attributes.MessageGroupId === FRONT_PAGE_GROUP);
  const covered = new Set(fronts.slice(0, -1).map((r) => r.messageId));
  const render = { publish: async ([message]: readonly DomainEvent[]) => handle(message as unknown as SiteMessage) };
  return deliverInOrder(
    records.filter((r) => !covered.has(r.messageId)),
    render,
    (message, receiveCount, err) => onFailure(message.id, receiveCount, err),
  );
}
