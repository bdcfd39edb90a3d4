import { createHmac } from 'node:crypto';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/**
 * POSTs each event to every subscribed URL, in order. A failure stops the batch so that
 * events for one article never overtake each other; what one URL already accepted is not
 * sent to it again by this process (receivers still drop duplicates by event id).
 */
export class WebhookPublisher implements EventPublisher {
  private readonly accepted = new Set<string>();

  constructor(
    private readonly urls: readonly string[],
    private readonly secret: string | undefined,
    private readonly timeoutMs = 5_000,
  ) {}

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      const body = JSON.stringify(event);
      for (const url of this.urls) {
        const key = `${url} ${event.id}`;
        if (this.accepted.has(key)) continue;
        await this.post(url, event, body);
        this.remember(key);
      }
    }
  }

  private async post(url: string, event: DomainEvent, body: string): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-newsroom-event': event.type,
      'x-newsroom-event-id': event.id,
    };
    if (this.secret) headers['x-newsroom-signature'] = `sha256=${sign(this.secret, body)}`;
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook ${new URL(url).host} answered ${res.status}`);
  }

  private remember(key: string): void {
    this.accepted.add(key);
    if (this.accepted.size > 10_000) this.accepted.delete(this.accepted.values().next().value!);
  }
}

export function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}
