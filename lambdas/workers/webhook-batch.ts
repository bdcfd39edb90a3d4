import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/**
 * Posts a batch from a webhook target's FIFO queue in the order SQS handed it over. When an
 * article's event fails, that message and the article's later ones in the batch are reported as
 * failed without being tried: Lambda deletes only what was delivered, and the rest, still in
 * order, is received again after the queue's visibility timeout. Nothing overtakes a failed event
 * of its own article (its message group); other articles' events go on.
 */
export async function deliverInOrder(
  records: readonly SQSRecord[],
  publisher: EventPublisher,
  onFailure: (event: Pick<DomainEvent, 'id'>, receiveCount: number, err: unknown) => void,
): Promise<SQSBatchResponse> {
  const failedGroups = new Set<string | undefined>();
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of records) {
    const group = record.attributes.MessageGroupId;
    if (failedGroups.has(group)) {
      batchItemFailures.push({ itemIdentifier: record.messageId });
      continue;
    }
    let event: DomainEvent | undefined;
    try {
      event = JSON.parse(record.body) as DomainEvent;
      await publisher.publish([event]);
    } catch (err) {
      onFailure({ id: event?.id ?? record.messageId }, Number(record.attributes.ApproximateReceiveCount), err);
      failedGroups.add(group);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
