import { createHmac } from 'node:crypto';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';

/**
 * POSTs each event to every subscribed URL, in order, signed as Standard Webhooks 1.0 asks
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`), so receivers verify it with any
 * Standard Webhooks library. A failure stops the batch so that events for one article never
 * overtake each other; what one URL already accepted is not sent to it again by this process
 * (receivers still drop duplicates by event id).
 */
export class WebhookPublisher implements EventPublisher {
  private readonly accepted = new Set<string>();
  private readonly targets: readonly WebhookTarget[];
  private readonly key: Buffer | undefined;

  constructor(
    urls: readonly string[],
    secret: string | undefined,
    private readonly timeoutMs = 5_000,
    /** Told of every attempt's outcome (the delivery log); it must not throw. */
    private readonly onAttempt?: (attempt: WebhookAttempt) => Promise<void>,
  ) {
    this.targets = urls.map(webhookTarget);
    this.key = secret ? signingKey(secret) : undefined;
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      const body = JSON.stringify(event);
      for (const target of this.targets) {
        const key = `${target.url} ${event.id}`;
        if (this.accepted.has(key)) continue;
        await this.post(target, event, body, this.targets.indexOf(target));
        this.remember(key);
      }
    }
  }

  private async post(target: WebhookTarget, event: DomainEvent, body: string, index: number): Promise<void> {
    // Signed at each attempt: the timestamp says when this attempt left, so a captured delivery
    // stops verifying after the receiver's tolerance (five minutes in the reference libraries).
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'x-newsroom-event': event.type,
      'x-newsroom-event-id': event.id,
    };
    if (this.key) headers['webhook-signature'] = sign(this.key, event.id, timestamp, body);
    if (target.authorization) headers.authorization = target.authorization;
    let res: Response;
    const started = Date.now();
    const report = (outcome: { statusCode?: number; error?: string }) =>
      this.onAttempt?.({
        event,
        target: { index, origin: target.origin },
        ...outcome,
        latencyMs: Date.now() - started,
        at: new Date(started).toISOString(),
      });
    try {
      // A redirect is never followed: the signed body goes only where the subscriber configured it.
      res = await fetch(target.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      await report({ error: `unreachable: ${failureReason(err, this.timeoutMs)}` });
      throw new Error(`webhook ${target.origin} unreachable: ${failureReason(err, this.timeoutMs)}`);
    }
    await res.body?.cancel();
    await report({ statusCode: res.status });
    if (res.status >= 300 && res.status < 400)
      throw new Error(`webhook ${target.origin} answered ${res.status}, a redirect (not followed)`);
    if (!res.ok) throw new Error(`webhook ${target.origin} answered ${res.status}`);
  }

  private remember(key: string): void {
    this.accepted.add(key);
    if (this.accepted.size > 10_000) this.accepted.delete(this.accepted.values().next().value!);
  }
}

/** One attempt to post an event: the target by its position in the publisher's URLs, and what it answered. */
export interface WebhookAttempt {
  event: DomainEvent;
  target: { index: number; origin: string };
  statusCode?: number;
  error?: string;
  latencyMs: number;
  at: string;
}

interface WebhookTarget {
  /** The URL without its user information. */
  url: string;
  /** Scheme, host and port: all that logs and banners ever show of a webhook URL. */
  origin: string;
  /** From `https://user:password@host/…`: sent as HTTP Basic, as curl would. */
  authorization?: string;
}

function webhookTarget(raw: string): WebhookTarget {
  const url = new URL(raw);
  const authorization =
    url.username || url.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`
      : undefined;
  url.username = '';
  url.password = '';
  return { url: url.href, origin: url.origin, authorization };
}

/**
 * What logs and banners show of a webhook URL: its origin, never its user information, path or
 * query, which often carry credentials.
 */
export function webhookOrigin(raw: string): string {
  try {
    return new URL(raw).origin;
  } catch {
    return '(not a URL)';
  }
}

/** Why a request got no answer, in words that cannot contain the URL. */
function failureReason(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return e.cause?.code ?? e.cause?.name ?? e.name ?? 'unknown error';
}

const SECRET_PREFIX = 'whsec_';

/**
 * The HMAC key a secret stands for: `whsec_<base64>` is decoded as Standard Webhooks defines it;
 * any other string is taken as its UTF-8 bytes.
 */
export function signingKey(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) return Buffer.from(secret, 'utf8');
  const encoded = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new Error('A webhook secret starting with whsec_ must continue with base64 (for example whsec_ and 32 random bytes in base64).');
  }
  return Buffer.from(encoded, 'base64');
}

/** Standard Webhooks 1.0: `v1,` and the base64 HMAC-SHA256 of `<id>.<timestamp>.<raw body>`. */
export function sign(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
