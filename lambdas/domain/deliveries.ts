import type { DomainEvent } from './events.js';

/**
 * The delivery log: one record per event and webhook target, with its latest attempts.
 *
 * - `pending`: handed to delivery (the dispatcher picked the event up from the outbox), never
 *   attempted yet, for example because an earlier event of the same article is still failing;
 * - `failed`: the latest attempt failed (no answer, or an answer that is not 2xx); delivery is
 *   being retried, or has been given up in AWS after the queue's last receive;
 * - `delivered`: the latest attempt was answered with 2xx.
 */
export const DELIVERY_STATUSES = ['pending', 'failed', 'delivered'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Records are kept this long after their last change. */
export const DELIVERY_KEEP_MS = 7 * 24 * 3600 * 1000;

/** A record keeps its latest attempts in full; older ones are only counted. */
export const DELIVERY_ATTEMPTS_KEPT = 10;

/** Who was called: the target's name (or position locally) and its origin, never its path, query or secret. */
export interface DeliveryTarget {
  id: string;
  origin: string;
}

/** What one attempt to post an event to a target came to. */
export interface AttemptReport {
  event: DomainEvent;
  target: DeliveryTarget;
  /** The HTTP status the target answered with, if it answered. */
  statusCode?: number;
  /** Why there was no usable answer: unreachable, timed out, redirected. */
  error?: string;
  latencyMs: number;
  at: string;
}

export interface Attempt {
  attempt: number;
  at: string;
  statusCode?: number;
  error?: string;
  latencyMs: number;
}

/** One event's delivery to one target, as `GET /deliveries` shows it. */
export interface Delivery {
  eventId: string;
  eventType: string;
  articleId: string;
  occurredAt: string;
  target: DeliveryTarget;
  status: DeliveryStatus;
  attempts: number;
  lastAttempt: Attempt | null;
  recentAttempts: Attempt[];
  updatedAt: string;
  expiresAt: string;
}

export interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

/** An attempt succeeded when the target answered 2xx; a redirect is never followed, so it is a failure. */
export const attemptSucceeded = (r: Pick<AttemptReport, 'statusCode' | 'error'>) =>
  r.error === undefined && r.statusCode !== undefined && r.statusCode >= 200 && r.statusCode < 300;

/** Event ids are `<articleId>:…`: the article an event belongs to, read from its id. */
export function articleIdOfEvent(eventId: string): string | undefined {
  return /^([A-Za-z0-9-]{1,64}):[A-Za-z0-9:-]{1,160}$/.exec(eventId)?.[1];
}
