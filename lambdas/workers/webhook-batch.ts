import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/**
 * Posts a batch from a webhook target's FIFO queue in the order SQS handed it over. At the first
 * failure it stops and reports that message and every later one as failed (the documented way
 * for FIFO queues): Lambda deletes only what was delivered, and the rest, still in order, is
 * received again after the queue's visibility timeout. Nothing later overtakes a failed event.
 */
export async function deliverInOrder(
  records: readonly SQSRecord[],
  publisher: EventPublisher,
  onFailure: (event: Pick<DomainEvent, 'id'>, receiveCount: number, err: unknown) => void,
): Promise<SQSBatchResponse> {
  for (const [i, record] of records.entries()) {
    let event: DomainEvent | undefined;
    try {
      event = JSON.parse(record.body) as DomainEvent;
      await publisher.publish([event]);
    } catch (err) {
      onFailure({ id: event?.id ?? record.messageId }, Number(record.attributes.ApproximateReceiveCount), err);
      return { batchItemFailures: records.slice(i).map((r) => ({ itemIdentifier: r.messageId })) };
    }
  }
  return { batchItemFailures: [] };
}
