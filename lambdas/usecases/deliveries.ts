import * as v from 'valibot';
import type { Actor } from '../domain/article.js';
import { DELIVERY_STATUSES, articleIdOfEvent, type DeliveryPage, type DeliveryStatus, type DeliveryTarget } from '../domain/deliveries.js';
import { conflict, forbidden, notFound } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { parseInput } from './schemas.js';

/** The delivery log as the API reads it. */
export interface DeliveryLogReader {
  list(query: { status?: DeliveryStatus; articleId?: string; limit: number; cursor?: string }, now: Date): Promise<DeliveryPage>;
  ofEvent(eventId: string, now: Date): Promise<{ event: DomainEvent; target: DeliveryTarget }[]>;
}

/** Sends one event again to some of its targets: straight to them locally, through their queues in AWS. */
export interface Redelivery {
  /** The targets it was handed to (those still configured). */
  redeliver(event: DomainEvent, targets: readonly DeliveryTarget[]): Promise<DeliveryTarget[]>;
}

export interface DeliveryDeps {
  log: DeliveryLogReader;
  redelivery: Redelivery;
  now: () => Date;
}

const PAGE = { min: 1, max: 100, default: 20 };

export const DeliveryQuery = /* @__PURE__ */ (() =>
  v.strictObject({
    status: v.optional(v.picklist(DELIVERY_STATUSES, `must be one of ${DELIVERY_STATUSES.join(', ')}`)),
    articleId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an article id'))),
    limit: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{1,3}$/, 'must be a whole number'),
        v.check((s) => Number(s) >= PAGE.min && Number(s) <= PAGE.max, `must be between ${PAGE.min} and ${PAGE.max}`),
      ),
    ),
    cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  }))();

const isDesk = (actor: Actor) => actor.groups.includes('editors') || actor.groups.includes('chief-editors');

/** Editors and the chief editor read the log; the query is read only once the caller may. */
export async function listDeliveries(deps: DeliveryDeps, actor: Actor, query: Record<string, string | undefined>): Promise<DeliveryPage> {
  if (!isDesk(actor)) throw forbidden('Only editors and chief editors may read the delivery log.');
  const q = parseInput(DeliveryQuery, query, '/query');
  return deps.log.list(
    { status: q.status, articleId: q.articleId, limit: q.limit ? Number(q.limit) : PAGE.default, cursor: q.cursor },
    deps.now(),
  );
}

/**
 * The chief editor sends one event again to every target the log has it for, with the same
 * event id (receivers drop duplicates by it); each attempt is logged with the next number.
 * As everywhere, 404 comes before 403: an event the log does not have, or a log the caller may
 * not read (a reporter), is a 404; an editor, who reads the log, gets a 403.
 */
export async function redeliverEvent(
  deps: DeliveryDeps,
  actor: Actor,
  eventId: string,
): Promise<{ eventId: string; targets: DeliveryTarget[] }> {
  const records = isDesk(actor) && articleIdOfEvent(eventId) ? await deps.log.ofEvent(eventId, deps.now()) : [];
  if (records.length === 0) throw notFound('No delivery of this event is in the log (it is kept for 7 days).');
  if (!actor.groups.includes('chief-editors')) throw forbidden('Only chief editors may redeliver events.');
  const targets = await deps.redelivery.redeliver(
    records[0]!.event,
    records.map((r) => r.target),
  );
  if (targets.length === 0) throw conflict('None of the webhook targets this event went to is configured any more.');
  return { eventId, targets };
}
