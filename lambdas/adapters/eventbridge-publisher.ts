import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/**
 * Puts each event on the newsroom's bus; rules there fan out to SNS and anyone else, with no
 * promise of order (webhooks have their own ordered queues). Sent one article's batch at a time.
 */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly busName: string,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    // PutEvents takes at most 10 entries and does not promise order within a call.
    for (const event of events) {
      const out = await this.client.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: this.busName,
              Source: 'newsroom.articles',
              DetailType: event.type,
              Detail: JSON.stringify(event),
              Time: new Date(event.occurredAt),
            },
          ],
        }),
      );
      if (out.FailedEntryCount) throw new Error(`EventBridge refused ${event.id}: ${out.Entries?.[0]?.ErrorCode}`);
    }
  }
}
