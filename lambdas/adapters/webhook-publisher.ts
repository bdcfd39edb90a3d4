import { createHmac } from 'node:crypto';
import type { DomainEvent } from '../domain/events.js';
import type { EventPublisher } from '../usecases/ports.js';
import { NEWSROOM_VERSION } from '../store/version.js';

/** What one delivery attempt to one webhook target came to: the single place to watch every attempt. */
export interface WebhookAttempt {
  /** The event as sent. */
  event: DomainEvent;
  eventId: string;
  articleId: string;
  /** The target's origin (scheme, host, port): never its path, query or credentials. */
  target: string;
  /** The target's position in the publisher's URLs, from 0. */
  targetIndex: number;
  /** Which attempt of this event to this target, from 1. */
  attempt: number;
  /** The HTTP status the target answered, when it answered. */
  status?: number;
  /** Why the attempt failed, in words that never contain the URL; absent when it succeeded. */
  error?: string;
  latencyMs: number;
  /** When the attempt started (ISO 8601). */
  at: string;
}

export interface WebhookPublisherOptions {
  /** How long a target may take to answer before the attempt counts as failed. */
  timeoutMs?: number;
  /** Called once after every attempt, successful or not, and waited for (the delivery log); it must not throw. */
  onAttempt?: (attempt: WebhookAttempt) => void | Promise<void>;
}

/** Sent with every webhook request, so receivers can tell Newsroom's deliveries apart in their logs. */
export const WEBHOOK_USER_AGENT = `Newsroom-Webhooks/${NEWSROOM_VERSION}`;

/**
 * POSTs each event to every subscribed URL, in order, signed as Standard Webhooks 1.0 asks
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`), so receivers verify it with any
 * Standard Webhooks library. A failure stops the batch so that events for one article never
 * overtake each other; what one URL already accepted is not sent to it again by this process
 * (receivers still drop duplicates by event id).
 */
export class WebhookPublisher implements EventPublisher {
  private readonly accepted = new Set<string>();
  private readonly tried = new Map<string, number>();
  readonly targets: readonly WebhookTarget[];
  private readonly key: Buffer | undefined;
  private readonly timeoutMs: number;
  private readonly onAttempt: WebhookPublisherOptions['onAttempt'];

  constructor(urls: readonly string[], secret: string | undefined, options: WebhookPublisherOptions = {}) {
    this.targets = urls.map(webhookTarget);
    this.key = secret ? signingKey(secret) : undefined;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.onAttempt = options.onAttempt;
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const target of this.targets) {
        const key = `${target.url} ${event.id}`;
        if (this.accepted.has(key)) continue;
        const attempt = (this.tried.get(key) ?? 0) + 1;
        remember(this.tried, key, attempt);
        await this.deliver(target, event, attempt);
        this.tried.delete(key);
        remember(this.accepted, key);
      }
    }
  }

  /**
   * One attempt to hand one event to one target; throws if the target did not accept it.
   * `signal` cuts the attempt short (the newsroom stopping), on top of the timeout.
   */
  async deliver(target: WebhookTarget, event: DomainEvent, attempt: number, signal?: AbortSignal): Promise<void> {
    const at = new Date();
    const started = performance.now();
    try {
      const status = await this.post(target, event, signal);
      await this.onAttempt?.({ ...this.outcome(target, event, attempt, at, started), status });
    } catch (err) {
      const { status, message } = err as Error & { status?: number };
      await this.onAttempt?.({ ...this.outcome(target, event, attempt, at, started), status, error: message });
      throw err;
    }
  }

  private outcome(target: WebhookTarget, event: DomainEvent, attempt: number, at: Date, started: number) {
    const latencyMs = Math.round(performance.now() - started);
    const targetIndex = this.targets.indexOf(target);
    return {
      event,
      eventId: event.id,
      articleId: event.articleId,
      target: target.origin,
      targetIndex,
      attempt,
      latencyMs,
      at: at.toISOString(),
    };
  }

  private async post(target: WebhookTarget, event: DomainEvent, stop?: AbortSignal): Promise<number> {
    const body = JSON.stringify(event);
    // Signed at each attempt: the timestamp says when this attempt left, so a captured delivery
    // stops verifying after the receiver's tolerance (five minutes in the reference libraries).
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': WEBHOOK_USER_AGENT,
      'webhook-id': event.id,
      'webhook-timestamp': String(timestamp),
      'x-newsroom-event': event.type,
      'x-newsroom-event-id': event.id,
    };
    if (this.key) headers['webhook-signature'] = sign(this.key, event.id, timestamp, body);
    if (target.authorization) headers.authorization = target.authorization;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    try {
      // A redirect is never followed: the signed body goes only where the subscriber configured it.
      const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
      res = await fetch(target.url, { method: 'POST', headers, body, redirect: 'manual', signal });
    } catch (err) {
      throw new Error(`webhook ${target.origin} unreachable: ${failureReason(err, this.timeoutMs)}`);
    }
    await res.body?.cancel();
    if (res.status >= 300 && res.status < 400)
      throw Object.assign(new Error(`webhook ${target.origin} answered ${res.status}, a redirect (not followed)`), { status: res.status });
    if (!res.ok) throw Object.assign(new Error(`webhook ${target.origin} answered ${res.status}`), { status: res.status });
    return res.status;
  }
}

/** Keeps the newest 10,000 entries: enough to skip repeats, bounded however long the process runs. */
function remember<K, V>(store: Set<K> | Map<K, V>, key: K, value?: V): void {
  if (store instanceof Set) store.add(key);
  else store.set(key, value!);
  if (store.size > 10_000) store.delete(store.keys().next().value!);
}

export interface WebhookTarget {
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
